package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void theVersionIsThePomsVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>shoal</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(BuildInfo.version()).isEqualTo(m.group(1));
        assertThat(BuildInfo.userAgent()).isEqualTo("Shoal/" + m.group(1));
    }
}
