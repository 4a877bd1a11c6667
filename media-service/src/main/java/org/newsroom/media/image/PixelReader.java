package org.newsroom.media.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes photos through ImageIO: the JDK's readers for PNG, TwelveMonkeys' for JPEG (CMYK and
 * YCCK JPEGs from agencies, with their Adobe marker and ICC profile, come out in the right colours
 * rather than inverted) and for WebP. One home for choosing the reader and for what counts as
 * damage.
 */
public final class PixelReader {

	/** Pixels kept while proving that a whole file decodes (the rest is decoded and dropped). */
	private static final long VERIFY_KEEP_PIXELS = 1_000_000;

	private PixelReader() {
	}

	/** Width and height as stored (before any EXIF orientation). */
	public record Header(int width, int height) {

		public long pixels() {
			return (long) width * height;
		}
	}

	/** Reads only the header: no pixel is decoded, nothing the size of the image is allocated. */
	static Header header(ImageReader reader) {
		try {
			return new Header(reader.getWidth(0), reader.getHeight(0));
		}
		catch (IOException | RuntimeException e) {
			throw ImageRefused.unreadable("its header cannot be read");
		}
	}

	/**
	 * Decodes every pixel of the first image and keeps a subsampled copy small enough not to
	 * matter, so that a corrupt or truncated file fails here and not when a reader asks for it.
	 */
	static void verifyDecodes(ImageReader reader, Header header) {
		int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) header.pixels() / VERIFY_KEEP_PIXELS)));
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceSubsampling(step, step, 0, 0);
		read(reader, param);
	}

	/**
	 * Opens a reader for the type on the stream: metadata is read (CMYK JPEGs need their Adobe
	 * marker and profile) and the reader may seek back, which some readers do after the header.
	 */
	static ImageReader open(ImageType type, ImageInputStream input) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		reader.setInput(input, false, false);
		return reader;
	}

	/** The whole image in sRGB without alpha (transparent areas on white), ready to scale. */
	public static BufferedImage decode(ImageType type, ImageInputStream input) {
		ImageReader reader = open(type, input);
		try {
			return toOpaqueSrgb(read(reader, reader.getDefaultReadParam()));
		}
		finally {
			reader.dispose();
		}
	}

	private static BufferedImage read(ImageReader reader, ImageReadParam param) {
		List<String> damage = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> {
			if (meansDamage(warning)) {
				damage.add(warning);
			}
		});
		BufferedImage image;
		try {
			image = reader.read(0, param);
		}
		catch (IOException | RuntimeException e) {
			throw ImageRefused.unreadable("its image data cannot be decoded");
		}
		if (!damage.isEmpty()) {
			throw ImageRefused.unreadable("its image data is damaged or cut short");
		}
		return image;
	}

	/**
	 * libjpeg reports truncated and corrupt scans as warnings and fills the gap with grey; for a
	 * newsroom that is a broken photo, not a usable one.
	 */
	private static boolean meansDamage(String warning) {
		String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
		return text.contains("premature end") || text.contains("corrupt") || text.contains("truncated")
				|| text.contains("missing eoi");
	}

	static BufferedImage toOpaqueSrgb(BufferedImage image) {
		ColorSpace space = image.getColorModel().getColorSpace();
		BufferedImage source = image;
		if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
			// e.g. Adobe RGB or ProPhoto from a camera: convert through the profiles, not by number
			BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(),
					image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
			new ColorConvertOp(null).filter(image, converted);
			source = converted;
		}
		int type = source.getType();
		if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB) {
			return source;
		}
		BufferedImage opaque = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = opaque.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
			g.drawImage(source, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return opaque;
	}
}
