package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XQueueTest {
    @Test
    void readsWhatWeWriteAndWhatOthersAdd() {
        XQueue ours = new XQueue(2, 60, 120);
        assertThat(ours.headerValue()).isEqualTo("position=2, pollMin=60, pollMax=120");
        assertThat(XQueue.parse(ours.headerValue())).contains(ours);
        assertThat(XQueue.parse("Position=1,Length=5,Limit=4,PollMin=45,PollMax=120")).contains(new XQueue(1, 45, 120));
        assertThat(XQueue.parse("position=4")).contains(new XQueue(4, 0, 0));
    }

    @Test
    void withoutASanePositionThereIsNoPlaceInLine() {
        assertThat(XQueue.parse("")).isEmpty();
        assertThat(XQueue.parse("position=0")).isEmpty();
        assertThat(XQueue.parse("position=x, pollMin=1")).isEmpty();
        assertThat(XQueue.parse("position=1, pollMin=9, pollMax=3")).isEmpty();
        assertThatThrownBy(() -> new XQueue(0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
