package org.newsroom.media.rendition;

import org.newsroom.platform.problem.ProblemException;

import org.springframework.http.HttpStatus;

public class RenditionNotFound extends ProblemException {

	public RenditionNotFound() {
		super(HttpStatus.NOT_FOUND, "rendition-not-found", "Rendition not found",
				"No rendition has that name; the names are thumb, small, medium, large and og.");
	}
}
