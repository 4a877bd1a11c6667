package org.newsroom.article.publishing;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.article.story.ArticleContent;
import org.newsroom.article.story.PublishingProblem.PhotoProblem;
import org.newsroom.article.media.MediaClient;
import org.newsroom.article.media.PhotoUsage;

import org.springframework.stereotype.Component;

/**
 * Nothing is published with a photo that may not be shown: before every publish (now or by the
 * scheduler) media-service is asked about the lead photo and every image block. A photo that is
 * not usable stops the publish (422 naming each); a media-service that cannot answer stops it
 * too (503), because an unchecked photo is never assumed to be fine.
 */
@Component
public class PublishingGuard {

	private final MediaClient media;

	public PublishingGuard(MediaClient media) {
		this.media = media;
	}

	public void check(ArticleContent content) {
		List<PhotoProblem> problems = new ArrayList<>();
		for (ArticleContent.PhotoReference photo : content.photos()) {
			PhotoUsage usage = media.usage(photo.mediaId());
			if (!usage.usable()) {
				problems.add(new PhotoProblem(photo.field(), photo.mediaId(), usage.problemsOrUnknown()));
			}
		}
		if (!problems.isEmpty()) {
			throw new PhotosNotUsable(problems);
		}
	}
}
