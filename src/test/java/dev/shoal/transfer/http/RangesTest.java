package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void parsesTheThreeForms() {
        assertThat(RangeRequest.parse("bytes=100-299").resolve(7200)).contains(new ByteRange(100, 299));
        assertThat(RangeRequest.parse("bytes=7000-").resolve(7200)).contains(new ByteRange(7000, 7199));
        assertThat(RangeRequest.parse("bytes=-200").resolve(7200)).contains(new ByteRange(7000, 7199));
        assertThat(RangeRequest.parse("Bytes = 0 - 0").resolve(7200)).contains(new ByteRange(0, 0));
    }

    @Test
    void clipsAndDetectsUnsatisfiable() {
        assertThat(RangeRequest.parse("bytes=7000-99999").resolve(7200)).contains(new ByteRange(7000, 7199));
        assertThat(RangeRequest.parse("bytes=-99999").resolve(7200)).contains(new ByteRange(0, 7199));
        assertThat(RangeRequest.parse("bytes=7200-").resolve(7200)).isEmpty();
        assertThat(RangeRequest.parse("bytes=9000-9999").resolve(7200)).isEmpty();
        assertThat(RangeRequest.parse("bytes=-0").resolve(7200)).isEmpty();
        assertThat(RangeRequest.parse("bytes=0-").resolve(0)).isEmpty();
    }

    @Test
    void firstOfSeveralRangesIsKept() {
        assertThat(RangeRequest.parse("bytes=0-9, 20-29").resolve(100)).contains(new ByteRange(0, 9));
    }

    @Test
    void rejectsReversedAndMalformed() {
        for (String bad : new String[] {"bytes=500-100", "bytes=", "bytes=-", "bytes=a-b", "items=0-1", "0-1",
                "bytes=1-2-3", "bytes=+1-2", "bytes=9999999999999999999-"}) {
            assertThatThrownBy(() -> RangeRequest.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void contentRange() {
        ContentRange cr = ContentRange.parse("bytes 7199-7199/7200");
        assertThat(cr.range()).isEqualTo(new ByteRange(7199, 7199));
        assertThat(cr.total()).isEqualTo(7200);
        assertThat(ContentRange.parse("bytes=0-524287/2097275").range().length()).isEqualTo(524288);
        assertThatThrownBy(() -> ContentRange.parse("bytes */7200")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentRange.parse("bytes 0-7200/7200")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ByteRange(100, 299).contentRange(7200)).isEqualTo("bytes 100-299/7200");
    }
}
