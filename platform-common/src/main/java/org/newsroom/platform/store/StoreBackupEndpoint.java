package org.newsroom.platform.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * {@code GET /actuator/storebackup}: a consistent copy of the embedded store, taken while the
 * service runs, as a zip archive ({@link EmbeddedMongoServer#backup}). It exists only where the
 * embedded store does (never on Kubernetes, where MongoDB is backed up with mongodump), and
 * answers only requests from this machine ({@code StoreBackupAccess}): the copy holds every
 * draft and every editor's name. {@code run-local.sh --backup DIR} calls it for each service.
 */
@Endpoint(id = "storebackup")
public class StoreBackupEndpoint {

	private final EmbeddedMongoServer store;

	StoreBackupEndpoint(EmbeddedMongoServer store) {
		this.store = store;
	}

	/** The copy, made into a temporary file first (it can be large) and deleted once sent; 404 for an in-memory store. */
	@ReadOperation(produces = "application/zip")
	public Resource backup() throws IOException {
		if (!store.persistent()) {
			return null;
		}
		Path copy = Files.createTempFile("store-backup-", ".zip");
		try (OutputStream out = Files.newOutputStream(copy)) {
			store.backup(out);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(copy);
			throw e;
		}
		return new SentOnce(copy);
	}

	/** A file deleted as soon as it has been read. */
	private static final class SentOnce extends FileSystemResource {

		SentOnce(Path file) {
			super(file);
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return new FilterInputStream(super.getInputStream()) {
				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						Files.deleteIfExists(getFile().toPath());
					}
				}
			};
		}
	}
}
