package org.newsroom.media.rendition;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Turns stored pixels the way EXIF orientation (1 to 8) says the photo is meant to be seen.
 * Renditions carry no EXIF, so the turn must be in the pixels.
 */
final class ExifOrientation {

	private ExifOrientation() {
	}

	static BufferedImage apply(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform turn = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirror left-right
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // half turn
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirror top-bottom
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transpose
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // quarter turn clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // quarter turn anticlockwise
			default -> new AffineTransform();
		};
		int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
		Graphics2D g = turned.createGraphics();
		try {
			g.drawImage(image, turn, null);
		}
		finally {
			g.dispose();
		}
		return turned;
	}
}
