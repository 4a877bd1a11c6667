package org.newsroom.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cached page's body compressed once, when the page is made, in the encodings browsers ask for:
 * brotli (brotli4j, when its native library loads here) and gzip. A request gets the best one it
 * accepts ({@code Accept-Encoding}, RFC 9110 section 12.5.3), else the body as it is. Bodies
 * under {@value #MIN_BYTES} bytes are not worth compressing.
 */
public final class Encodings {

	private static final Logger log = LoggerFactory.getLogger(Encodings.class);

	static final int MIN_BYTES = 1024;

	/** Fast enough to run while readers wait for the page, and smaller than gzip's best. */
	private static final int BROTLI_QUALITY = 6;

	private static final boolean BROTLI = brotliLoads();

	/** The compressed forms of one body (null where not made). */
	public record Encoded(byte[] brotli, byte[] gzip) {

		int weight() {
			return (brotli != null ? brotli.length : 0) + (gzip != null ? gzip.length : 0);
		}

		public boolean any() {
			return brotli != null || gzip != null;
		}
	}

	/** The form a request gets: its {@code Content-Encoding} (null: none) and bytes. */
	public record Chosen(String encoding, byte[] bytes) {
	}

	private Encodings() {
	}

	static Encoded encode(byte[] body) {
		if (body.length < MIN_BYTES) {
			return new Encoded(null, null);
		}
		return new Encoded(BROTLI ? brotli(body) : null, gzip(body));
	}

	public static Chosen choose(String acceptEncoding, byte[] body, Encoded encoded) {
		if (acceptEncoding != null && encoded.any()) {
			String accepted = acceptEncoding.toLowerCase(Locale.ROOT);
			if (encoded.brotli() != null && accepts(accepted, "br")) {
				return new Chosen("br", encoded.brotli());
			}
			if (encoded.gzip() != null && accepts(accepted, "gzip")) {
				return new Chosen("gzip", encoded.gzip());
			}
		}
		return new Chosen(null, body);
	}

	/** Whether the header names the coding (or *) with a weight above zero. */
	public static boolean accepts(String acceptEncoding, String coding) {
		boolean wildcard = false;
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.trim().split(";");
			String name = pieces[0].trim();
			double weight = 1;
			for (int i = 1; i < pieces.length; i++) {
				String parameter = pieces[i].trim();
				if (parameter.startsWith("q=")) {
					try {
						weight = Double.parseDouble(parameter.substring(2).trim());
					}
					catch (NumberFormatException e) {
						weight = 0;
					}
				}
			}
			if (name.equals(coding)) {
				return weight > 0;
			}
			if (name.equals("*")) {
				wildcard = weight > 0;
			}
		}
		return wildcard;
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
			{
				def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static byte[] brotli(byte[] body) {
		try {
			return Encoder.compress(body, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean brotliLoads() {
		try {
			Brotli4jLoader.ensureAvailability();
			return true;
		}
		catch (Throwable e) {
			log.info("Brotli is not available on this platform ({}); pages are compressed with gzip only", e.toString());
			return false;
		}
	}

	/** Whether brotli can be offered here (the native library loaded). */
	public static boolean brotliAvailable() {
		return BROTLI;
	}
}
