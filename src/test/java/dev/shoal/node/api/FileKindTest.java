package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileKindTest {
    @Test
    void theLastExtensionSaysTheKind() {
        assertThat(FileKind.of("song.MP3")).isEqualTo(FileKind.AUDIO);
        assertThat(FileKind.of("song.mp3.exe")).isEqualTo(FileKind.PROGRAM);
        assertThat(FileKind.of("clip.vbs")).isEqualTo(FileKind.SCRIPT);
        assertThat(FileKind.of("README")).isEqualTo(FileKind.OTHER);
        assertThat(FileKind.of("trailing.")).isEqualTo(FileKind.OTHER);
        assertThat(FileKind.extension("a.B.Zip")).isEqualTo("zip");
        assertThat(FileKind.PROGRAM.runs()).isTrue();
        assertThat(FileKind.ARCHIVE.runs()).isFalse();
        assertThat(FileKind.VIDEO.isMedia()).isTrue();
        assertThat(FileKind.ARCHIVE.isMedia()).isFalse();
    }

    @Test
    void vendorCodesOfKnownServentsHaveNames() {
        assertThat(Vendors.name(" gtkg ")).isEqualTo("gtk-gnutella");
        assertThat(Vendors.isKnown("LIME")).isTrue();
        assertThat(Vendors.isKnown("XYZW")).isFalse();
        assertThat(Vendors.isKnown(null)).isFalse();
        assertThat(Vendors.name("XYZW")).isEqualTo("XYZW");
    }
}
