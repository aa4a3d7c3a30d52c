package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {
    @Test
    void aNameGoesOutInBothFormsAndComesBackWhole() {
        String value = ContentDisposition.attachment("Été \"live\" 2.ogg");

        assertThat(value).isEqualTo("attachment; filename=\"_t_ _live_ 2.ogg\"; filename*=UTF-8''%C3%89t%C3%A9%20%22live%22%202.ogg");
        assertThat(ContentDisposition.fileName(value)).contains("Été \"live\" 2.ogg");
    }

    @Test
    void thePlainFormIsReadWhenItIsTheOnlyOne() {
        assertThat(ContentDisposition.fileName("attachment; filename=\"a \\\"b\\\"; c.txt\"")).contains("a \"b\"; c.txt");
        assertThat(ContentDisposition.fileName("inline;FILENAME=plain.bin")).contains("plain.bin");
    }

    @Test
    void theExtendedFormWinsWhereverItStands() {
        assertThat(ContentDisposition.fileName("attachment; filename*=utf-8''caf%C3%A9.txt; filename=\"cafe.txt\""))
                .contains("café.txt");
    }

    @Test
    void gtkGnutellasQuotedExtendedFormWithALanguageIsRead() {
        // gtk-gnutella 1.2.3 answers a HEAD or first GET so (seen on loopback): the extended value
        // quoted, and a language between the two quotes.
        assertThat(ContentDisposition.fileName("inline; filename*=\"utf-8'en'gtkgA-interop-movie.avi\""))
                .contains("gtkgA-interop-movie.avi");
        assertThat(ContentDisposition.fileName("inline; filename*=\"utf-8'en'caf%C3%A9%202.txt\"")).contains("café 2.txt");
        assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8'de-DE'%C3%BCber.txt")).contains("über.txt");
    }

    @Test
    void whatCannotBeReadNamesNothing() {
        assertThat(ContentDisposition.fileName("attachment")).isEmpty();
        assertThat(ContentDisposition.fileName("attachment; filename=\"\"")).isEmpty();
        // An unknown charset or a broken escape falls back to the plain form, or to nothing.
        assertThat(ContentDisposition.fileName("attachment; filename*=ISO-8859-1''caf%E9.txt")).isEmpty();
        assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8'en")).isEmpty();
        assertThat(ContentDisposition.fileName("attachment; filename*=\"UTF-8''\"")).isEmpty();
        assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8''bad%G1; filename=ok.txt")).contains("ok.txt");
    }
}
