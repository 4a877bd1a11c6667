package org.newsroom.platform.store;

/**
 * Thrown at startup when no MongoDB URI is configured where a local file is no store: on
 * Kubernetes, and in the images, which are built without the embedded store.
 */
public class EmbeddedStoreRefusedException extends IllegalStateException {

	public EmbeddedStoreRefusedException(String platform) {
		super("No MongoDB configured, and the embedded store is refused on " + platform
				+ ": its data would live and die with the pod.");
	}

	/** In a build without the embedded store: the images. */
	public EmbeddedStoreRefusedException() {
		super("No MongoDB configured, and this build has no embedded store (the images are built without it).");
	}
}
