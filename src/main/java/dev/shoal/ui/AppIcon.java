package dev.shoal.ui;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon, a small shoal of fish on a blue tile, drawn in code at every size the
 * window system may ask for: crisp on HiDPI screens, and no image files to ship.
 */
final class AppIcon {
    private static final int[] SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};
    /** Fish as (centre x, centre y, length) in a unit tile. */
    private static final double[][] FISH = {{0.40, 0.33, 0.36}, {0.66, 0.52, 0.30}, {0.36, 0.70, 0.28}};

    private AppIcon() {
    }

    /**
     * Writes the icon as a 256-pixel PNG to the path given: the build's {@code app-image} profile
     * gives it to jpackage, so the packaged launcher shows the same fish as the window.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AppIcon FILE.png");
        }
        java.nio.file.Path file = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        if (!javax.imageio.ImageIO.write(draw(256), "png", file.toFile())) {
            throw new java.io.IOException("no PNG writer");
        }
    }

    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int s : SIZES) {
            images.add(draw(s));
        }
        return images;
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size, size);
            g.setPaint(new GradientPaint(0, 0, new Color(0x2fa4d9), 1, 1, new Color(0x1b4f9c)));
            g.fill(new RoundRectangle2D.Double(0.02, 0.02, 0.96, 0.96, 0.32, 0.32));
            g.setColor(new Color(255, 255, 255, 235));
            for (double[] f : FISH) {
                g.fill(fish(f[0], f[1], f[2]));
            }
            g.setColor(new Color(0x1b4f9c));
            for (double[] f : FISH) {
                double eye = f[2] * 0.09;
                g.fill(new Ellipse2D.Double(f[0] + f[2] * 0.22 - eye / 2, f[1] - f[2] * 0.08 - eye / 2, eye, eye));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A fish facing right: an oval body and a forked tail. */
    private static java.awt.Shape fish(double cx, double cy, double length) {
        double bodyW = length * 0.72;
        double bodyH = length * 0.42;
        Path2D.Double p = new Path2D.Double();
        p.append(new Ellipse2D.Double(cx - bodyW / 2 + length * 0.1, cy - bodyH / 2, bodyW, bodyH), false);
        double tailX = cx - bodyW / 2 + length * 0.14;
        p.moveTo(tailX, cy);
        p.lineTo(tailX - length * 0.30, cy - bodyH * 0.55);
        p.lineTo(tailX - length * 0.22, cy);
        p.lineTo(tailX - length * 0.30, cy + bodyH * 0.55);
        p.closePath();
        return AffineTransform.getRotateInstance(-0.12, cx, cy).createTransformedShape(p);
    }
}
