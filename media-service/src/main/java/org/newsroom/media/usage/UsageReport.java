package org.newsroom.media.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.media.photo.Photo;

/**
 * Whether a photo may be published now, and if not, why. The article-service asks this before
 * publishing an article that shows the photo, so its shape is part of the contract:
 * {@code {"usable": true|false, "problems": [...]}}.
 */
public record UsageReport(boolean usable, List<UsageProblem> problems) {

	public static UsageReport of(Photo photo, Instant now) {
		List<UsageProblem> problems = new ArrayList<>();
		if (photo.credit() == null || photo.credit().isBlank()) {
			problems.add(UsageProblem.MISSING_CREDIT);
		}
		if (photo.rightsExpireAt() != null && !photo.rightsExpireAt().isAfter(now)) {
			problems.add(UsageProblem.RIGHTS_EXPIRED);
		}
		if (photo.isTakenDown()) {
			problems.add(UsageProblem.TAKEN_DOWN);
		}
		return new UsageReport(problems.isEmpty(), List.copyOf(problems));
	}
}
