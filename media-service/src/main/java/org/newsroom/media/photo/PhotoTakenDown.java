package org.newsroom.media.photo;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The photo exists as a record but was taken down: its bytes are gone for good (410). */
public class PhotoTakenDown extends ProblemException {

	public PhotoTakenDown() {
		super(HttpStatus.GONE, "media-taken-down", "Photo taken down",
				"This photo was taken down: its image and renditions are no longer available.");
	}
}
