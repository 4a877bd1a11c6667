package org.newsroom.media.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the credit and the copyright notice into a freshly encoded JPEG (a rendition, which
 * otherwise carries no metadata at all): as XMP ({@code photoshop:Credit}, {@code dc:rights})
 * and as IPTC IIM (2:110, 2:116, declared UTF-8 by 1:90), so that both modern and older picture
 * tools show who to credit when a rendition is saved from a page. Nothing else of the original's
 * metadata (camera, GPS position, editing history) is carried over.
 */
public final class RightsStamp {

	private static final byte[] XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PHOTOSHOP_SIGNATURE = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);

	private RightsStamp() {
	}

	/**
	 * The JPEG with the two segments added after its start (and after a JFIF header, which must
	 * stay first). Either value may be null; with neither, the JPEG is returned unchanged.
	 */
	public static byte[] stamp(byte[] jpeg, String credit, String copyrightNotice) {
		if (credit == null && copyrightNotice == null) {
			return jpeg;
		}
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			throw new IllegalArgumentException("not a JPEG");
		}
		int insertAt = 2;
		if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
			insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4096);
		out.write(jpeg, 0, insertAt);
		segment(out, 0xE1, concat(XMP_NAMESPACE, xmpPacket(credit, copyrightNotice)));
		segment(out, 0xED, photoshopIptc(credit, copyrightNotice));
		out.write(jpeg, insertAt, jpeg.length - insertAt);
		return out.toByteArray();
	}

	private static byte[] xmpPacket(String credit, String copyrightNotice) {
		StringBuilder xml = new StringBuilder();
		xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
			.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
			.append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
			.append("  <rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"")
			.append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
		if (credit != null) {
			xml.append("   <photoshop:Credit>").append(escape(credit)).append("</photoshop:Credit>\n");
		}
		if (copyrightNotice != null) {
			xml.append("   <dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">")
				.append(escape(copyrightNotice))
				.append("</rdf:li></rdf:Alt></dc:rights>\n");
		}
		xml.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** XML text content: markup characters escaped, characters XML 1.0 forbids dropped. */
	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> {
					boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
					if (allowed) {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

	/** An Adobe "Photoshop 3.0" resource block holding one IPTC-NAA resource (0x0404). */
	private static byte[] photoshopIptc(String credit, String copyrightNotice) {
		ByteArrayOutputStream iim = new ByteArrayOutputStream();
		dataset(iim, 1, 90, new byte[] { 0x1B, 0x25, 0x47 }); // coded character set: UTF-8
		dataset(iim, 2, 0, new byte[] { 0, 4 }); // application record version 4
		if (credit != null) {
			dataset(iim, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
		}
		if (copyrightNotice != null) {
			dataset(iim, 2, 116, copyrightNotice.getBytes(StandardCharsets.UTF_8));
		}
		byte[] data = iim.toByteArray();
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		block.writeBytes(PHOTOSHOP_SIGNATURE);
		block.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
		block.write(0x04);
		block.write(0x04);
		block.write(0); // empty Pascal-string name, padded to an even length
		block.write(0);
		block.write(data.length >>> 24);
		block.write(data.length >>> 16);
		block.write(data.length >>> 8);
		block.write(data.length);
		block.writeBytes(data);
		if (data.length % 2 == 1) {
			block.write(0);
		}
		return block.toByteArray();
	}

	private static void dataset(ByteArrayOutputStream out, int record, int number, byte[] value) {
		int length = Math.min(value.length, 0x7FFF);
		out.write(0x1C);
		out.write(record);
		out.write(number);
		out.write(length >>> 8);
		out.write(length);
		out.write(value, 0, length);
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		int length = payload.length + 2;
		if (length > 0xFFFF) {
			throw new IllegalArgumentException("metadata too long for one JPEG segment");
		}
		out.write(0xFF);
		out.write(marker);
		out.write(length >>> 8);
		out.write(length);
		out.writeBytes(payload);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = new byte[a.length + b.length];
		System.arraycopy(a, 0, joined, 0, a.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}
}
