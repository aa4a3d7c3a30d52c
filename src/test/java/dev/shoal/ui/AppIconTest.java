package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's app-image profile runs AppIcon to get the icon jpackage puts on the launcher. */
class AppIconTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheWindowIconAsA256PixelPng() throws Exception {
        Path png = tmp.resolve("jpackage/shoal.png");
        AppIcon.main(new String[] {png.toString()});
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(256);
        // The same picture the window draws: compare a pixel in the tile and a transparent corner.
        BufferedImage drawn = AppIcon.draw(256);
        assertThat(img.getRGB(128, 40)).isEqualTo(drawn.getRGB(128, 40));
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
    }
}
