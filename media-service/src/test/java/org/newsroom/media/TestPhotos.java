package org.newsroom.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Real image files made for the tests: every one is a different file (its pixels come from a
 * fresh seed), so uploads never collide on their SHA-256 unless a test wants them to. Metadata
 * is written with Apache Commons Imaging, a library independent of the reader under test.
 */
public final class TestPhotos {

	private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

	private TestPhotos() {
	}

	// --- plain images ---------------------------------------------------------------------------

	/** A photo-like RGB picture: a gradient and random shapes, different on every call. */
	public static BufferedImage picture(int width, int height) {
		Random random = new Random(SEEDS.incrementAndGet());
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
				new Color(random.nextInt(0xFFFFFF))));
		g.fillRect(0, 0, width, height);
		for (int i = 0; i < 20; i++) {
			g.setColor(new Color(random.nextInt(0xFFFFFF)));
			g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(Math.max(1, width / 3)),
					1 + random.nextInt(Math.max(1, height / 3)));
		}
		g.dispose();
		return image;
	}

	/** Two colours side by side (left | right), plus one random pixel in a corner for uniqueness. */
	public static BufferedImage halves(int width, int height, Color left, Color right) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(left);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(right);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		image.setRGB(0, 0, new Random(SEEDS.incrementAndGet()).nextInt(0xFFFFFF));
		return image;
	}

	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height), "jpg");
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	public static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Opaque red left half, fully transparent right half. */
	public static byte[] pngWithTransparency(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		image.setRGB(width - 1, height - 1, 0x01000000 | new Random(SEEDS.incrementAndGet()).nextInt(0xFFFFFF));
		return encode(image, "png");
	}

	// --- WebP -------------------------------------------------------------------------------------

	/**
	 * A lossless WebP (VP8L) written bit by bit after the WebP Lossless Bitstream Specification
	 * (RFC 9649): no transforms, no colour cache, and "simple" prefix codes, so the left half is
	 * green (0, 255, 0) and the right half black. The JDK cannot write WebP and TwelveMonkeys only
	 * reads it; this encoder is small enough to check against the specification by eye. Its files
	 * were also checked with libwebp's own tools (Debian package webp: {@code webpinfo} reports no
	 * error, {@code dwebp} decodes them).
	 */
	public static byte[] webp(int width, int height) {
		return riff(List.of(chunk("VP8L", vp8l(width, height))));
	}

	/** The same picture in the extended format (VP8X) with an XMP packet chunk. */
	public static byte[] webpWithXmp(int width, int height, String xmp) {
		ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		vp8x.put((byte) 0x04); // flags: XMP present
		vp8x.put(new byte[3]);
		putUInt24(vp8x, width - 1);
		putUInt24(vp8x, height - 1);
		return riff(List.of(chunk("VP8X", vp8x.array()), chunk("VP8L", vp8l(width, height)),
				chunk("XMP ", xmp.getBytes(StandardCharsets.UTF_8))));
	}

	private static byte[] vp8l(int width, int height) {
		BitWriter bits = new BitWriter();
		bits.put(0x2F, 8); // signature
		bits.put(width - 1, 14);
		bits.put(height - 1, 14);
		bits.put(0, 1); // alpha unused
		bits.put(0, 3); // version 0
		bits.put(0, 1); // no transform
		bits.put(0, 1); // no colour cache
		bits.put(0, 1); // no meta prefix codes
		// green: simple code with two 8-bit symbols, 0 and 255 (one bit per pixel)
		bits.put(1, 1);
		bits.put(1, 1);
		bits.put(0, 1);
		bits.put(0, 1);
		bits.put(255, 8);
		simpleCode(bits, 0); // red
		simpleCode(bits, 0); // blue
		simpleCode(bits, 255); // alpha
		simpleCode(bits, 0); // distance (unused)
		// the top row's right half spells out a fresh seed, so every file is a different file
		long seed = SEEDS.incrementAndGet();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int seedBit = x - width / 2;
				boolean green = x < width / 2 || (y == 0 && seedBit < 63 && ((seed >>> seedBit) & 1) == 1);
				bits.put(green ? 1 : 0, 1);
			}
		}
		return bits.toByteArray();
	}

	/** One symbol, coded in zero bits. */
	private static void simpleCode(BitWriter bits, int symbol) {
		bits.put(1, 1);
		bits.put(0, 1);
		if (symbol < 2) {
			bits.put(0, 1);
			bits.put(symbol, 1);
		}
		else {
			bits.put(1, 1);
			bits.put(symbol, 8);
		}
	}

	private static byte[] chunk(String fourCc, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(fourCc.getBytes(StandardCharsets.US_ASCII));
		chunk.putInt(data.length);
		chunk.put(data);
		return chunk.array();
	}

	private static byte[] riff(List<byte[]> chunks) {
		int length = 4 + chunks.stream().mapToInt(c -> c.length).sum();
		ByteBuffer riff = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII));
		riff.putInt(length);
		riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		chunks.forEach(riff::put);
		return riff.array();
	}

	private static void putUInt24(ByteBuffer buffer, int value) {
		buffer.put((byte) value);
		buffer.put((byte) (value >>> 8));
		buffer.put((byte) (value >>> 16));
	}

	private static final class BitWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();
		private long pending;
		private int count;

		void put(int value, int width) {
			pending |= ((long) value & ((1L << width) - 1)) << count;
			count += width;
			while (count >= 8) {
				out.write((int) (pending & 0xFF));
				pending >>>= 8;
				count -= 8;
			}
		}

		byte[] toByteArray() {
			if (count > 0) {
				out.write((int) (pending & 0xFF));
				pending = 0;
				count = 0;
			}
			return out.toByteArray();
		}
	}

	// --- CMYK -------------------------------------------------------------------------------------

	/**
	 * A CMYK JPEG as Photoshop and agency systems write it: four components, an Adobe APP14
	 * marker (transform 0: no colour transform), and ink values stored inverted (255 = no ink).
	 * Quadrants: cyan (top left), magenta (top right), yellow (bottom left), no ink (bottom right).
	 */
	public static byte[] cmykJpeg(int width, int height) {
		WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
		int[][] inks = { { 255, 0, 0, 0 }, { 0, 255, 0, 0 }, { 0, 0, 255, 0 }, { 0, 0, 0, 0 } };
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int[] ink = inks[(x < width / 2 ? 0 : 1) + (y < height / 2 ? 0 : 2)];
				raster.setPixel(x, y, new int[] { 255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3] });
			}
		}
		// the bottom row's last pixels spell out a fresh seed, so every file is a different file
		long seed = SEEDS.incrementAndGet();
		for (int bit = 0; bit < Math.min(width / 2, 63); bit++) {
			int ink = ((seed >>> bit) & 1) == 1 ? 40 : 0;
			raster.setPixel(width - 1 - bit, height - 1, new int[] { 255, 255, 255, 255 - ink });
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		byte[] plain = out.toByteArray();
		byte[] adobe = { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 };
		byte[] marked = new byte[plain.length + adobe.length];
		System.arraycopy(plain, 0, marked, 0, 2);
		System.arraycopy(adobe, 0, marked, 2, adobe.length);
		System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
		return marked;
	}

	// --- metadata, written by Commons Imaging -------------------------------------------------------

	public static byte[] withIptc(byte[] jpeg, List<IptcRecord> records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new JpegIptcRewriter().writeIptc(jpeg, out, new PhotoshopApp13Data(records, List.of(), true));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] withXmp(byte[] jpeg, String xmp) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new JpegXmpRewriter().updateXmpXml(jpeg, out, xmp);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** EXIF IFD0 with orientation and, where not null, Artist, ImageDescription and Copyright. */
	public static byte[] withExif(byte[] jpeg, int orientation, String artist, String description, String copyright) {
		try {
			TiffOutputSet exif = new TiffOutputSet();
			TiffOutputDirectory root = exif.getOrCreateRootDirectory();
			root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
			if (artist != null) {
				root.add(TiffTagConstants.TIFF_TAG_ARTIST, artist);
			}
			if (description != null) {
				root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, description);
			}
			if (copyright != null) {
				root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, copyright);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] pngWithXmp(int width, int height, String xmp) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new PngImageParser().writeImage(picture(width, height), out, new PngImagingParameters().setXmpXml(xmp));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** An XMP packet with the IPTC Core fields; null values are left out. */
	public static String xmp(String credit, String creator, String caption, String rights, String source,
			String usageTerms) {
		StringBuilder xml = new StringBuilder("""
				<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
				<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
				 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
				""");
		if (credit != null) {
			xml.append("<photoshop:Credit>").append(credit).append("</photoshop:Credit>\n");
		}
		if (source != null) {
			xml.append("<photoshop:Source>").append(source).append("</photoshop:Source>\n");
		}
		if (creator != null) {
			xml.append("<dc:creator><rdf:Seq><rdf:li>").append(creator).append("</rdf:li></rdf:Seq></dc:creator>\n");
		}
		langAlt(xml, "dc:description", caption);
		langAlt(xml, "dc:rights", rights);
		langAlt(xml, "xmpRights:UsageTerms", usageTerms);
		xml.append("</rdf:Description></rdf:RDF></x:xmpmeta>");
		return xml.toString();
	}

	private static void langAlt(StringBuilder xml, String element, String value) {
		if (value != null) {
			xml.append('<').append(element).append("><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(value)
				.append("</rdf:li></rdf:Alt></").append(element).append(">\n");
		}
	}

	// --- hostile files --------------------------------------------------------------------------------

	/**
	 * A decompression bomb: a valid PNG header claiming width × height pixels, followed by a few
	 * bytes of compressed data. Decoding it would need width × height × 3 bytes.
	 */
	public static byte[] pngClaiming(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1024]);
		deflater.finish();
		byte[] compressed = new byte[256];
		int length = deflater.deflate(compressed);
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		pngChunk(out, "IHDR", header.array());
		pngChunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
		pngChunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** A small real PNG with a zTXt chunk that inflates to {@code inflatedBytes} of zeros. */
	public static byte[] pngWithTextBomb(int inflatedBytes) {
		byte[] png = png(16, 16);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(new byte[inflatedBytes]);
		deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes("Comment".getBytes(StandardCharsets.US_ASCII));
		data.write(0); // end of keyword
		data.write(0); // compression method: deflate
		data.writeBytes(compressed.toByteArray());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33); // signature and IHDR
		pngChunk(out, "zTXt", data.toByteArray());
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
		ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
		out.writeBytes(length.array());
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** A real small JPEG whose frame header is rewritten to claim width × height pixels. */
	public static byte[] jpegClaiming(int width, int height) {
		byte[] jpeg = jpeg(64, 48);
		for (int i = 2; i < jpeg.length - 9;) {
			int marker = jpeg[i + 1] & 0xFF;
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			if (marker == 0xC0 || marker == 0xC2) {
				jpeg[i + 5] = (byte) (height >>> 8);
				jpeg[i + 6] = (byte) height;
				jpeg[i + 7] = (byte) (width >>> 8);
				jpeg[i + 8] = (byte) width;
				return jpeg;
			}
			i += 2 + length;
		}
		throw new IllegalStateException("no frame header found");
	}

	public static byte[] concat(byte[] first, byte[] second) {
		byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}
}
