package org.newsroom.media.photo;

public enum MediaStatus {
	ACTIVE, TAKEN_DOWN
}
