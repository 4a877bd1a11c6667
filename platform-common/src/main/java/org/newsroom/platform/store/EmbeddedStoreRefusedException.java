package org.newsroom.platform.store;

/** Thrown at startup when no MongoDB URI is configured on a platform where a local file is no store. */
public class EmbeddedStoreRefusedException extends IllegalStateException {

	public EmbeddedStoreRefusedException(String platform) {
		super("No MongoDB configured, and the embedded store is refused on " + platform
				+ ": its data would live and die with the pod.");
	}
}
