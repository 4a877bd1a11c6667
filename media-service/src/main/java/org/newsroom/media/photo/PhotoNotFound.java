package org.newsroom.media.photo;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

public class PhotoNotFound extends ProblemException {

	public PhotoNotFound() {
		super(HttpStatus.NOT_FOUND, "media-not-found", "Photo not found", "No photo has that id.");
	}
}
