package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlCodingTest {
    @Test
    void urlCodingRoundTripsUtf8AndRejectsBadEscapes() {
        String name = "Café Récif – été (1).txt";
        assertThat(UrlCoding.decode(UrlCoding.encode(name), false)).isEqualTo(name);
        assertThat(UrlCoding.encode("a b/c")).isEqualTo("a%20b%2Fc");
        assertThat(UrlCoding.decode("a+b", true)).isEqualTo("a b");
        assertThat(UrlCoding.decode("a+b", false)).isEqualTo("a+b");
        for (String bad : List.of("%", "%4", "%zz", "%C3", "%FF%FE")) {
            assertThatThrownBy(() -> UrlCoding.decode(bad, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
