package org.newsroom.media.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether an uploaded file is a photo the desk can take, cheapest checks first, so that
 * hostile files are refused before they cost memory:
 * <ol>
 * <li>the type from the first bytes (415 for anything but JPEG, PNG, WebP);</li>
 * <li>the container structure: truncation (422), content after the image (415), PNG metadata
 * bombs (422), see {@link ContainerCheck};</li>
 * <li>the pixel count from the header, before any decoding (422 above the limit: a
 * decompression bomb never gets its pixels allocated);</li>
 * <li>a full decode that keeps only a small subsampled copy (422 when the data is damaged).</li>
 * </ol>
 */
public final class ImageVetting {

	private ImageVetting() {
	}

	/** What the file turned out to be; width and height as stored, before EXIF orientation. */
	public record Vetted(ImageType type, int width, int height) {
	}

	public static Vetted vet(Path file, long maxPixels) {
		try {
			ImageType type = ImageType.sniff(head(file)).orElseThrow(ImageRefused::unsupportedType);
			ContainerCheck.check(type, file);
			try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
				ImageReader reader = PixelReader.open(type, input);
				try {
					PixelReader.Header header = PixelReader.header(reader);
					if (header.width() <= 0 || header.height() <= 0) {
						throw ImageRefused.unreadable("it has no pixels");
					}
					if (header.pixels() > maxPixels) {
						throw ImageRefused.tooManyPixels(header.width(), header.height(), maxPixels);
					}
					PixelReader.verifyDecodes(reader, header);
					return new Vetted(type, header.width(), header.height());
				}
				finally {
					reader.dispose();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the uploaded file " + file, e);
		}
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(ImageType.SNIFF_LENGTH);
			if (head.length == 0) {
				throw ImageRefused.unreadable("the file is empty");
			}
			return head;
		}
	}
}
