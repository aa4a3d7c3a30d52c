package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MagnetClipboardTest {
    private static final String LINK = "magnet:?xt=urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ&dn=a%20b";

    @Test
    void theFirstLinkInTheTextIsFoundAmongOtherWords() {
        assertThat(MagnetClipboard.find(LINK)).hasValue(LINK);
        assertThat(MagnetClipboard.find("here it is:\n  " + LINK + "\nand " + LINK + "x")).hasValue(LINK);
        assertThat(MagnetClipboard.find("MAGNET:?xt=urn:sha1:X")).hasValue("MAGNET:?xt=urn:sha1:X");
        assertThat(MagnetClipboard.find("magnets are fun")).isEmpty();
        assertThat(MagnetClipboard.find("")).isEmpty();
    }
}
