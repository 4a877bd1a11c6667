package org.newsroom.article.publishing;

import java.util.List;
import java.util.Map;

import org.newsroom.article.story.PublishingProblem.PhotoProblem;
import org.newsroom.platform.problem.FieldProblem;
import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Publishing refused: one or more photos the article shows may not be published (no credit,
 * rights expired, taken down, or unknown to media-service). Names each photo and its problems.
 */
public class PhotosNotUsable extends ProblemException {

	private final List<PhotoProblem> photos;

	public PhotosNotUsable(List<PhotoProblem> photos) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "photo-not-usable", "Photo not usable", detail(photos),
				photos.stream().map(p -> new FieldProblem(p.field(), message(p))).toList(), Map.of("photos", photos),
				null);
		this.photos = List.copyOf(photos);
	}

	public List<PhotoProblem> photos() {
		return photos;
	}

	private static String message(PhotoProblem photo) {
		return "photo " + photo.mediaId() + " is not usable: " + String.join(", ", photo.problems());
	}

	private static String detail(List<PhotoProblem> photos) {
		String first = message(photos.get(0));
		return photos.size() == 1 ? "The article cannot be published: " + first + "."
				: "The article cannot be published: " + first + " (and " + (photos.size() - 1) + " more photos).";
	}
}
