package org.newsroom.media.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the identity of an original's bytes and a rendition's ETag. */
public final class Sha256 {

	private Sha256() {
	}

	public static String of(byte[] bytes) {
		MessageDigest digest = digest();
		digest.update(bytes);
		return HexFormat.of().formatHex(digest.digest());
	}

	public static String of(Path file) {
		MessageDigest digest = digest();
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
