package org.newsroom.media.usage;

/** Why a photo may not appear on a page (the strings of {@code GET /api/media/{id}/usage}). */
public enum UsageProblem {
	/** No credit line: the reader must see who to credit. */
	MISSING_CREDIT,
	/** The licence's end date ({@code rightsExpireAt}) has passed. */
	RIGHTS_EXPIRED,
	/** Taken down by an admin: the image is gone. */
	TAKEN_DOWN
}
