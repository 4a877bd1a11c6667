import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * {@code BenchPhoto OUT.jpg}: the small photo bench/writes.sh uploads, with the JDK only (run as a
 * single source file). 800x533 at quality 0.85: a sky gradient, a skyline and some grain, so the
 * encoder has real detail to keep and the file is the size of a web photo, not of a flat colour.
 * The same seed every run, so every run uploads the same picture.
 */
public class BenchPhoto {

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("usage: BenchPhoto OUT.jpg");
			System.exit(2);
		}
		int width = 800;
		int height = 533;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(40, 80, 150), 0, height, new Color(230, 170, 110)));
		g.fillRect(0, 0, width, height);
		Random random = new Random(4);
		for (int x = 0; x < width;) {
			int w = 20 + random.nextInt(50);
			int h = 80 + random.nextInt(250);
			int shade = 30 + random.nextInt(60);
			g.setColor(new Color(shade, shade, shade + 20));
			g.fillRect(x, height - h, w, h);
			g.setColor(new Color(250, 220, 120));
			for (int wy = height - h + 8; wy < height - 8; wy += 14) {
				for (int wx = x + 4; wx < x + w - 6; wx += 10) {
					if (random.nextInt(3) == 0) {
						g.fillRect(wx, wy, 4, 6);
					}
				}
			}
			x += w + random.nextInt(6);
		}
		g.dispose();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int grain = random.nextInt(17) - 8;
				int rgb = image.getRGB(x, y);
				int r = clamp(((rgb >> 16) & 0xff) + grain);
				int gr = clamp(((rgb >> 8) & 0xff) + grain);
				int b = clamp((rgb & 0xff) + grain);
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.85f);
		File out = new File(args[0]);
		out.delete();
		try (FileImageOutputStream stream = new FileImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}
}
