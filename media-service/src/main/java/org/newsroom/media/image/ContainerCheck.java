package org.newsroom.media.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the container structure of an upload (JPEG markers, PNG chunks, the RIFF chunks of WebP)
 * without decoding any pixels, and refuses what a decoder would let through:
 * <ul>
 * <li>a file that ends before its image does (truncated: 422);</li>
 * <li>content after the image's end, the usual shape of a polyglot such as a JPEG followed by
 * HTML or a ZIP (415). Allowed after the end: zero or 0xFF padding, and for JPEG further
 * complete JPEG images (the Multi-Picture Format previews that cameras append);</li>
 * <li>PNG chunks with wrong checksums, and compressed PNG metadata (zTXt, iTXt, iCCP) that would
 * expand beyond {@link #MAX_INFLATED_METADATA}: a decompression bomb outside the pixels.</li>
 * </ul>
 * What it cannot see: content hidden inside an image's own metadata segments. Those bytes are
 * never served as anything but the declared image type (originals go to editors only, with
 * {@code nosniff}), and renditions are re-encoded from pixels.
 */
final class ContainerCheck {

	static final int MAX_INFLATED_METADATA = 8 * 1024 * 1024;

	private static final int MAX_BUFFERED_METADATA_CHUNK = 4 * 1024 * 1024;

	private ContainerCheck() {
	}

	static void check(ImageType type, Path file) throws IOException {
		try (Input in = new Input(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
			switch (type) {
				case JPEG -> jpeg(in);
				case PNG -> png(in);
				case WEBP -> webp(in, Files.size(file));
			}
		}
	}

	// --- JPEG: SOI, segments, entropy-coded scans, EOI ------------------------------------------

	private static void jpeg(Input in) throws IOException {
		walkJpeg(in);
		// after EOI: padding, or further complete JPEG images (MPF); anything else is refused
		long trailingStart = in.position;
		while (true) {
			int b = in.read();
			if (b < 0) {
				return;
			}
			if (b == 0x00) {
				continue;
			}
			if (b == 0xFF) {
				int next = in.read();
				if (next == 0xD8) {
					in.unread(0xD8);
					in.unread(0xFF);
					try {
						walkJpeg(in);
					}
					catch (ImageRefused notAnImage) {
						throw ImageRefused.trailingData(ImageType.JPEG, in.length() - trailingStart);
					}
					continue;
				}
				if (next == 0xFF || next == 0x00 || next < 0) {
					if (next >= 0) {
						in.unread(next);
					}
					continue;
				}
			}
			throw ImageRefused.trailingData(ImageType.JPEG, in.length() - trailingStart);
		}
	}

	/** Reads one JPEG from SOI to EOI. */
	private static void walkJpeg(Input in) throws IOException {
		if (in.read() != 0xFF || in.read() != 0xD8) {
			throw ImageRefused.unreadable("no JPEG start marker");
		}
		boolean frame = false;
		boolean scan = false;
		int marker = nextMarker(in);
		while (true) {
			if (marker == 0xD9) {
				if (!frame || !scan) {
					throw ImageRefused.unreadable("the JPEG has no image data");
				}
				return;
			}
			if (marker == 0xD8) {
				throw ImageRefused.unreadable("unexpected JPEG start marker");
			}
			if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
				marker = nextMarker(in);
				continue;
			}
			int length = in.readUnsignedShort();
			if (length < 2) {
				throw ImageRefused.unreadable("a JPEG segment has an impossible length");
			}
			in.skipFully(length - 2);
			if (isStartOfFrame(marker)) {
				frame = true;
			}
			if (marker == 0xDA) {
				scan = true;
				marker = skipEntropyCodedData(in);
			}
			else {
				marker = nextMarker(in);
			}
		}
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	private static int nextMarker(Input in) throws IOException {
		int b = in.readByte();
		if (b != 0xFF) {
			throw ImageRefused.unreadable("the JPEG structure is broken");
		}
		int marker;
		do {
			marker = in.readByte();
		}
		while (marker == 0xFF);
		return marker;
	}

	/** Skips scan data: 0xFF00 is a stuffed byte and RSTn markers belong to the scan. */
	private static int skipEntropyCodedData(Input in) throws IOException {
		while (true) {
			int b = in.readByte();
			if (b != 0xFF) {
				continue;
			}
			int next = in.readByte();
			while (next == 0xFF) {
				next = in.readByte();
			}
			if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
				continue;
			}
			return next;
		}
	}

	// --- PNG: signature, chunks with CRCs, IEND ------------------------------------------------

	private static void png(Input in) throws IOException {
		in.skipFully(8);
		boolean first = true;
		boolean imageData = false;
		while (true) {
			long length = in.readUnsignedInt();
			byte[] typeBytes = in.readFully(4);
			String type = new String(typeBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (length > Integer.MAX_VALUE || !type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				throw ImageRefused.unreadable("the PNG structure is broken");
			}
			if (first && !type.equals("IHDR")) {
				throw ImageRefused.unreadable("the PNG does not start with its header");
			}
			first = false;
			CRC32 crc = new CRC32();
			crc.update(typeBytes);
			if (isCompressedMetadata(type)) {
				if (length > MAX_BUFFERED_METADATA_CHUNK) {
					throw ImageRefused.unreadable("a PNG metadata chunk is larger than " + MAX_BUFFERED_METADATA_CHUNK + " bytes");
				}
				byte[] data = in.readFully((int) length);
				crc.update(data);
				checkInflatedSize(type, data);
			}
			else {
				in.copyInto(crc, length);
			}
			if (crc.getValue() != in.readUnsignedInt()) {
				throw ImageRefused.unreadable("a PNG chunk is damaged (checksum mismatch)");
			}
			if (type.equals("IDAT")) {
				imageData = true;
			}
			if (type.equals("IEND")) {
				if (!imageData) {
					throw ImageRefused.unreadable("the PNG has no image data");
				}
				break;
			}
		}
		long trailingStart = in.position;
		int b;
		while ((b = in.read()) >= 0) {
			if (b != 0x00) {
				throw ImageRefused.trailingData(ImageType.PNG, in.length() - trailingStart);
			}
		}
	}

	private static boolean isCompressedMetadata(String type) {
		return type.equals("zTXt") || type.equals("iTXt") || type.equals("iCCP");
	}

	/** zTXt and iCCP: keyword, NUL, method, data. iTXt: keyword, NUL, flag, method, language, NUL, keyword, NUL, text. */
	private static void checkInflatedSize(String type, byte[] data) {
		int keywordEnd = indexOf(data, 0, 0);
		if (keywordEnd < 0) {
			throw ImageRefused.unreadable("a PNG text chunk is malformed");
		}
		int compressedStart;
		if (type.equals("iTXt")) {
			if (keywordEnd + 2 >= data.length) {
				throw ImageRefused.unreadable("a PNG text chunk is malformed");
			}
			boolean compressed = data[keywordEnd + 1] != 0;
			int languageEnd = indexOf(data, keywordEnd + 3, 0);
			int translatedEnd = languageEnd < 0 ? -1 : indexOf(data, languageEnd + 1, 0);
			if (translatedEnd < 0) {
				throw ImageRefused.unreadable("a PNG text chunk is malformed");
			}
			if (!compressed) {
				return;
			}
			compressedStart = translatedEnd + 1;
		}
		else {
			compressedStart = keywordEnd + 2;
		}
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(data, Math.min(compressedStart, data.length), Math.max(0, data.length - compressedStart));
			byte[] sink = new byte[64 * 1024];
			long total = 0;
			while (!inflater.finished()) {
				int n = inflater.inflate(sink);
				total += n;
				if (total > MAX_INFLATED_METADATA) {
					throw ImageRefused.unreadable("compressed PNG metadata expands to more than "
							+ MAX_INFLATED_METADATA / (1024 * 1024) + " MB");
				}
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw ImageRefused.unreadable("compressed PNG metadata is cut short");
				}
			}
		}
		catch (DataFormatException e) {
			throw ImageRefused.unreadable("compressed PNG metadata is damaged");
		}
		finally {
			inflater.end();
		}
	}

	private static int indexOf(byte[] data, int from, int value) {
		for (int i = from; i < data.length; i++) {
			if (data[i] == value) {
				return i;
			}
		}
		return -1;
	}

	// --- WebP: RIFF length, chunks inside it ---------------------------------------------------

	private static void webp(Input in, long fileLength) throws IOException {
		in.skipFully(4);
		long riffLength = in.readUnsignedIntLittleEndian();
		long declaredEnd = 8 + riffLength;
		if (declaredEnd > fileLength) {
			throw ImageRefused.unreadable("the WebP file is shorter than its header says");
		}
		in.skipFully(4);
		boolean first = true;
		while (in.position < declaredEnd) {
			byte[] fourCc = in.readFully(4);
			long size = in.readUnsignedIntLittleEndian();
			String name = new String(fourCc, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (first && !(name.equals("VP8 ") || name.equals("VP8L") || name.equals("VP8X"))) {
				throw ImageRefused.unreadable("the WebP file has no image chunk");
			}
			first = false;
			long padded = size + (size & 1);
			if (in.position + padded > declaredEnd + (size & 1)) {
				throw ImageRefused.unreadable("a WebP chunk runs past the end of the file");
			}
			in.skipFully(Math.min(padded, declaredEnd - in.position));
		}
		if (first) {
			throw ImageRefused.unreadable("the WebP file has no image chunk");
		}
		long trailingStart = in.position;
		int b;
		while ((b = in.read()) >= 0) {
			if (b != 0x00) {
				throw ImageRefused.trailingData(ImageType.WEBP, fileLength - trailingStart);
			}
		}
	}

	/** A byte stream that knows its position, can push back two bytes, and calls EOF truncation. */
	private static final class Input implements AutoCloseable {

		private final InputStream in;
		private final int[] pushedBack = new int[2];
		private int pushed;
		private long position;
		private long consumedToEnd = -1;

		Input(InputStream in) {
			this.in = in;
		}

		/** The next byte, or -1 at the end of the file. */
		int read() throws IOException {
			int b = pushed > 0 ? pushedBack[--pushed] : in.read();
			if (b >= 0) {
				position++;
			}
			return b;
		}

		void unread(int b) {
			pushedBack[pushed++] = b;
			position--;
		}

		/** The next byte; the end of the file here means the image was cut short. */
		int readByte() throws IOException {
			int b = read();
			if (b < 0) {
				throw truncated();
			}
			return b;
		}

		int readUnsignedShort() throws IOException {
			return (readByte() << 8) | readByte();
		}

		long readUnsignedInt() throws IOException {
			return ((long) readByte() << 24) | ((long) readByte() << 16) | ((long) readByte() << 8) | readByte();
		}

		long readUnsignedIntLittleEndian() throws IOException {
			return readByte() | ((long) readByte() << 8) | ((long) readByte() << 16) | ((long) readByte() << 24);
		}

		byte[] readFully(int length) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(length, 64 * 1024));
			copy(length, out::write);
			return out.toByteArray();
		}

		void skipFully(long length) throws IOException {
			copy(length, (buffer, offset, count) -> {
			});
		}

		void copyInto(CRC32 crc, long length) throws IOException {
			copy(length, crc::update);
		}

		private void copy(long length, Sink sink) throws IOException {
			byte[] buffer = new byte[8192];
			long left = length;
			while (left > 0 && pushed > 0) {
				buffer[0] = (byte) read();
				sink.accept(buffer, 0, 1);
				left--;
			}
			while (left > 0) {
				int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					throw truncated();
				}
				sink.accept(buffer, 0, n);
				position += n;
				left -= n;
			}
		}

		/** Position of the end of the file (reads the rest). Used only to report trailing sizes. */
		long length() throws IOException {
			if (consumedToEnd < 0) {
				long rest = 0;
				while (pushed > 0) {
					read();
					rest++;
				}
				rest += in.transferTo(java.io.OutputStream.nullOutputStream());
				consumedToEnd = position + rest;
				position = consumedToEnd;
			}
			return consumedToEnd;
		}

		private static ImageRefused truncated() {
			return ImageRefused.unreadable("the file ends before the image does (truncated)");
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

		@FunctionalInterface
		private interface Sink {

			void accept(byte[] buffer, int offset, int count) throws IOException;
		}
	}
}
