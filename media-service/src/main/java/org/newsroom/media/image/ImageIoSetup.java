package org.newsroom.media.image;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.springframework.stereotype.Component;

/**
 * Makes the ImageIO plugins on the application's class path visible (a Boot jar's nested jars
 * are not on the system class path that ImageIO scans by itself) and refuses to start without
 * the readers the photo desk relies on: without TwelveMonkeys' JPEG reader first, CMYK photos
 * would be refused or come out inverted.
 */
@Component
public class ImageIoSetup {

	public ImageIoSetup() {
		ImageIO.scanForPlugins();
		// decode from memory or from our own temp files, never through ImageIO's extra cache files
		ImageIO.setUseCache(false);
		requireFirstReader("jpeg", "com.twelvemonkeys.");
		requireFirstReader("webp", "com.twelvemonkeys.");
		requireFirstReader("png", "");
	}

	private static void requireFirstReader(String format, String packagePrefix) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
		}
		ImageReader first = readers.next();
		String name = first.getClass().getName();
		first.dispose();
		if (!name.startsWith(packagePrefix)) {
			throw new IllegalStateException("The first ImageIO reader for " + format + " is " + name
					+ ", expected one from " + packagePrefix);
		}
	}
}
