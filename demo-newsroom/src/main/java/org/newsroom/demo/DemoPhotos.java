package org.newsroom.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Paints the demo newsroom's "photos": simple illustrated scenes, the same every run for the
 * same key, large enough (1600x1067) for every rendition. They are drawings, not photographs,
 * so nobody mistakes the demo for real coverage.
 */
final class DemoPhotos {

	static final int WIDTH = 1600;
	static final int HEIGHT = 1067;

	private DemoPhotos() {
	}

	static byte[] jpeg(String scene, String key) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		Random random = new Random(key.hashCode());
		switch (scene) {
			case "river-night" -> riverNight(g, random);
			case "harbour" -> harbour(g, random);
			case "shipyard" -> shipyard(g, random);
			case "meeting-hall" -> hall(g, random, new Color(0x8a6f4e), new Color(0x3b2f25));
			case "stadium" -> stadium(g, random);
			case "gallery" -> gallery(g, random);
			case "courtyard" -> courtyard(g, random);
			case "screen" -> screen(g, random);
			case "library" -> hall(g, random, new Color(0x5c4630), new Color(0x1d1712));
			case "skyline" -> skyline(g, random);
			default -> throw new IllegalArgumentException("No demo scene called " + scene);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void sky(Graphics2D g, Color top, Color horizon, int horizonY) {
		g.setPaint(new GradientPaint(0, 0, top, 0, horizonY, horizon));
		g.fillRect(0, 0, WIDTH, horizonY);
	}

	private static void water(Graphics2D g, Color near, Color far, int horizonY, Random random) {
		g.setPaint(new GradientPaint(0, horizonY, far, 0, HEIGHT, near));
		g.fillRect(0, horizonY, WIDTH, HEIGHT - horizonY);
		g.setStroke(new BasicStroke(2f));
		for (int i = 0; i < 120; i++) {
			int y = horizonY + random.nextInt(HEIGHT - horizonY);
			int x = random.nextInt(WIDTH);
			g.setColor(new Color(255, 255, 255, 20 + random.nextInt(40)));
			g.drawLine(x, y, x + 20 + random.nextInt(80), y);
		}
	}

	private static void buildings(Graphics2D g, Random random, int baseY, int maxHeight, Color color, boolean lit) {
		int x = -20;
		while (x < WIDTH) {
			int w = 50 + random.nextInt(110);
			int h = maxHeight / 4 + random.nextInt(maxHeight);
			g.setColor(color);
			g.fillRect(x, baseY - h, w, h);
			if (lit) {
				for (int wy = baseY - h + 12; wy < baseY - 10; wy += 22) {
					for (int wx = x + 8; wx < x + w - 10; wx += 18) {
						if (random.nextInt(3) == 0) {
							g.setColor(new Color(255, 214, 140, 170 + random.nextInt(80)));
							g.fillRect(wx, wy, 8, 10);
						}
					}
				}
			}
			x += w + random.nextInt(12);
		}
	}

	private static void riverNight(Graphics2D g, Random random) {
		int horizon = 560;
		sky(g, new Color(0x0b1026), new Color(0x2a2450), horizon);
		buildings(g, random, horizon, 260, new Color(0x141428), true);
		water(g, new Color(0x05070f), new Color(0x1c1a38), horizon, random);
		for (int i = 0; i < 28; i++) {
			int x = 40 + i * 56;
			int y = 720 + (int) (Math.sin(i * 0.6) * 20);
			g.setColor(new Color(0x3a2a1a));
			g.fillRect(x - 22, y, 44, 70);
			g.setPaint(new RadialGradientPaint(x, y - 10, 40, new float[] { 0f, 1f },
					new Color[] { new Color(255, 170, 60, 230), new Color(255, 120, 40, 0) }));
			g.fill(new Ellipse2D.Double(x - 40, y - 50, 80, 80));
			g.setColor(new Color(0xe0472b));
			g.fill(new Ellipse2D.Double(x - 9, y - 22, 18, 24));
		}
	}

	private static void harbour(Graphics2D g, Random random) {
		int horizon = 480;
		sky(g, new Color(0x9fb8cc), new Color(0xe8e3d6), horizon);
		g.setColor(new Color(0x6d7780));
		for (int i = 0; i < 6; i++) {
			int x = 200 + i * 230 + random.nextInt(40);
			g.setStroke(new BasicStroke(8f));
			g.drawLine(x, horizon, x, horizon - 160);
			g.drawLine(x - 60, horizon - 150, x + 90, horizon - 150);
		}
		buildings(g, random, horizon, 70, new Color(0x7e8a92), false);
		water(g, new Color(0x2f4d5e), new Color(0x8aa3ad), horizon, random);
	}

	private static void shipyard(Graphics2D g, Random random) {
		int ground = 760;
		sky(g, new Color(0x7f9fb5), new Color(0xd9dde0), ground);
		g.setColor(new Color(0x4e5356));
		g.fillRect(0, ground, WIDTH, HEIGHT - ground);
		Path2D hull = new Path2D.Double();
		hull.moveTo(300, 640);
		hull.lineTo(1300, 640);
		hull.lineTo(1220, 780);
		hull.lineTo(380, 780);
		hull.closePath();
		g.setColor(new Color(0xb9c2c8));
		g.fill(hull);
		g.setStroke(new BasicStroke(4f));
		g.setColor(new Color(0x8d979e));
		for (int x = 340; x < 1280; x += 45) {
			g.drawLine(x, 520, x, 640);
		}
		g.drawLine(340, 520, 1260, 520);
		g.setColor(new Color(0xf2b233));
		g.setStroke(new BasicStroke(10f));
		g.drawLine(1450, ground, 1450, 220);
		g.drawLine(1100, 240, 1560, 240);
	}

	private static void hall(Graphics2D g, Random random, Color wall, Color floor) {
		g.setPaint(new GradientPaint(0, 0, wall.brighter(), 0, 600, wall));
		g.fillRect(0, 0, WIDTH, 600);
		g.setColor(floor);
		g.fillRect(0, 600, WIDTH, HEIGHT - 600);
		g.setColor(new Color(255, 240, 200, 60));
		for (int i = 0; i < 5; i++) {
			g.fill(new Ellipse2D.Double(150 + i * 300, 40, 160, 60));
		}
		for (int row = 0; row < 5; row++) {
			for (int col = 0; col < 12; col++) {
				int x = 70 + col * 125 + row * 10;
				int y = 640 + row * 80;
				g.setColor(new Color(0x2b2b2b));
				g.fillRect(x, y, 70, 50);
				g.fillRect(x + 8, y - 40, 54, 44);
			}
		}
	}

	private static void stadium(Graphics2D g, Random random) {
		g.setColor(new Color(0x0d1220));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		for (int i = 0; i < 4000; i++) {
			g.setColor(random.nextInt(4) == 0 ? new Color(0x2f6fd6) : new Color(60 + random.nextInt(60), 60, 80));
			g.fillRect(random.nextInt(WIDTH), 120 + random.nextInt(380), 6, 6);
		}
		g.setPaint(new GradientPaint(0, 500, new Color(0x2e8b3e), 0, HEIGHT, new Color(0x1e5e2a)));
		g.fillRect(0, 500, WIDTH, HEIGHT - 500);
		for (int x = 0; x < WIDTH; x += 160) {
			g.setColor(new Color(255, 255, 255, 18));
			g.fillRect(x, 500, 80, HEIGHT - 500);
		}
		for (int i = 0; i < 3; i++) {
			g.setPaint(new RadialGradientPaint(250 + i * 550, 60, 260, new float[] { 0f, 1f },
					new Color[] { new Color(255, 255, 230, 200), new Color(255, 255, 230, 0) }));
			g.fill(new Ellipse2D.Double(i * 550 - 10, -200, 520, 520));
		}
		for (int i = 0; i < 5; i++) {
			int x = 420 + i * 160;
			g.setColor(new Color(0x1f4fbf));
			g.fillRoundRect(x, 640, 70, 120, 20, 20);
			g.setColor(new Color(0xe0b08a));
			g.fill(new Ellipse2D.Double(x + 15, 600, 40, 40));
		}
	}

	private static void gallery(Graphics2D g, Random random) {
		g.setColor(new Color(0xf1ede4));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(0xb9a58a));
		g.fillRect(0, 860, WIDTH, HEIGHT - 860);
		Color[] inks = { new Color(0xc8372d), new Color(0x1f3b70), new Color(0xe3a21a), new Color(0x2d6a4f),
				new Color(0x6b2d5c) };
		for (int i = 0; i < 6; i++) {
			int x = 60 + i * 255;
			int y = 180 + random.nextInt(60);
			g.setColor(new Color(0x333333));
			g.fillRect(x - 6, y - 6, 192, 282);
			g.setPaint(new GradientPaint(x, y, inks[i % inks.length], x + 180, y + 270, inks[(i + 2) % inks.length]));
			g.fillRect(x, y, 180, 270);
			g.setColor(new Color(255, 255, 255, 180));
			g.fillRect(x + 20, y + 200, 140, 16);
		}
	}

	private static void courtyard(Graphics2D g, Random random) {
		g.setColor(new Color(0xc9c2b4));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		buildings(g, random, 380, 200, new Color(0xe5ddd0), false);
		for (int t = 0; t < 3; t++) {
			int y = 520 + t * 170;
			g.setColor(new Color(0x8b5a2b));
			g.fillRect(120, y, 1360, 40);
			for (int i = 0; i < 40; i++) {
				int x = 140 + random.nextInt(1300);
				g.setColor(new Color(120 + random.nextInt(60), 170 + random.nextInt(50), 90 + random.nextInt(40)));
				g.fill(new Ellipse2D.Double(x, y - 50, 70, 55));
			}
		}
	}

	private static void screen(Graphics2D g, Random random) {
		g.setColor(new Color(0x141414));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(0x2a2a2a));
		g.fillRoundRect(260, 140, 1080, 700, 30, 30);
		g.setColor(new Color(0x0f1c2b));
		g.fillRect(300, 180, 1000, 620);
		for (int line = 0; line < 22; line++) {
			int width = 200 + random.nextInt(700);
			g.setColor(line % 4 == 0 ? new Color(0x7fd1ff) : new Color(0xd8e2ea));
			g.fillRect(340, 210 + line * 26, width, 10);
		}
		g.setColor(new Color(0x3a3a3a));
		g.fillRect(200, 840, 1200, 60);
	}

	private static void skyline(Graphics2D g, Random random) {
		int horizon = 640;
		sky(g, new Color(0x2b3a67), new Color(0xf2a65a), horizon);
		g.setPaint(new RadialGradientPaint(1150, 560, 140, new float[] { 0f, 1f },
				new Color[] { new Color(255, 220, 150, 255), new Color(255, 200, 120, 0) }));
		g.fill(new Ellipse2D.Double(1010, 420, 280, 280));
		buildings(g, random, horizon, 330, new Color(0x1d2233), true);
		water(g, new Color(0x10131f), new Color(0x4b4a6b), horizon, random);
	}
}
