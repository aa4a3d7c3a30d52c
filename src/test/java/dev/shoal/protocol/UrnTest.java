package dev.shoal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class UrnTest {
    @Test
    void base32RoundTripsAllLengths() {
        for (int len = 0; len <= 25; len++) {
            byte[] data = new byte[len];
            for (int i = 0; i < len; i++) {
                data[i] = (byte) (i * 37 + 11);
            }
            assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        }
    }

    @Test
    void base32MatchesRfc4648Vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    }

    @Test
    void sha1UrnOfKnownContent() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest("abc".getBytes(StandardCharsets.US_ASCII));
        Urn urn = Urn.sha1(digest);
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d
        assertThat(urn.toString()).isEqualTo("urn:sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
        assertThat(Urn.parse("URN:SHA1:vgmt4nsha2awvor6evyxqugcnsonbwe5")).isEqualTo(urn);
    }

    @Test
    void bitprintIsDownConvertedToSha1() {
        Urn urn = Urn.parse("urn:bitprint:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5.QMLU34VTTAIWJQM5RVN4RIQKRM2JWIFZQFDYY3Y");
        assertThat(urn.toString()).isEqualTo("urn:sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
    }

    @Test
    void rejectsMalformedUrns() {
        assertThatThrownBy(() -> Urn.parse("urn:sha1:SHORT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Urn.parse("urn:md5:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Urn.parse("urn:sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
