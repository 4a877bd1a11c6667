package org.newsroom.media.rendition;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.resizers.configurations.Antialiasing;
import net.coobird.thumbnailator.resizers.configurations.Rendering;
import net.coobird.thumbnailator.resizers.configurations.ScalingMode;
import org.newsroom.media.image.ImageType;
import org.newsroom.media.image.PixelReader;
import org.newsroom.media.metadata.RightsStamp;
import org.newsroom.media.photo.Photo;

import org.springframework.stereotype.Component;

/**
 * Makes one rendition from an original: decode to sRGB (CMYK and tagged RGB converted through
 * their profiles, transparency on white), scale down with Thumbnailator's progressive bilinear
 * steps, turn per EXIF orientation, cut the centre for {@code og}, encode as progressive JPEG,
 * and stamp the credit and copyright into it ({@link RightsStamp}). Nothing else of the
 * original's metadata survives: the encoder starts from pixels.
 */
@Component
public class RenditionMaker {

	static final float JPEG_QUALITY = 0.82f;

	public byte[] make(Photo photo, byte[] original, RenditionSpec spec) {
		ImageType type = ImageType.fromContentType(photo.contentType())
			.orElseThrow(() -> new IllegalStateException("Stored photo of unknown type " + photo.contentType()));
		BufferedImage pixels;
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(original))) {
			pixels = PixelReader.decode(type, input);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		RenditionSpec.Plan plan = spec.plan(photo.width(), photo.height());
		// scale in stored orientation (cheaper than turning the full-size image), then turn
		int scaledWidth = photo.orientationSwapsSides() ? plan.scaled().height() : plan.scaled().width();
		int scaledHeight = photo.orientationSwapsSides() ? plan.scaled().width() : plan.scaled().height();
		BufferedImage scaled = scale(pixels, scaledWidth, scaledHeight);
		BufferedImage turned = ExifOrientation.apply(scaled, photo.orientation());
		BufferedImage cut = centre(turned, plan.crop());
		return RightsStamp.stamp(encode(cut), photo.credit(), photo.copyrightNotice());
	}

	private static BufferedImage scale(BufferedImage image, int width, int height) {
		if (image.getWidth() == width && image.getHeight() == height) {
			return image;
		}
		try {
			return Thumbnails.of(image)
				.size(width, height)
				.keepAspectRatio(false)
				.scalingMode(ScalingMode.PROGRESSIVE_BILINEAR)
				.rendering(Rendering.QUALITY)
				.antialiasing(Antialiasing.ON)
				.asBufferedImage();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static BufferedImage centre(BufferedImage image, RenditionSpec.Size crop) {
		if (image.getWidth() == crop.width() && image.getHeight() == crop.height()) {
			return image;
		}
		int x = (image.getWidth() - crop.width()) / 2;
		int y = (image.getHeight() - crop.height()) / 2;
		BufferedImage cut = new BufferedImage(crop.width(), crop.height(), image.getType());
		Graphics2D g = cut.createGraphics();
		try {
			g.drawImage(image.getSubimage(x, y, crop.width(), crop.height()), 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return cut;
	}

	static byte[] encode(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}
}
