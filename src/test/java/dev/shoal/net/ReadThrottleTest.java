package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageType;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoEvent;
import org.apache.mina.core.session.IoEventType;
import org.junit.jupiter.api.Test;

/** A link's socket stops being read while too many of its frames wait for a worker. */
class ReadThrottleTest {
    private final ReadThrottle throttle = new ReadThrottle();
    private final DummySession session = new DummySession();
    private final Frame frame = DecoderHarness.frame(MessageType.QUERY, 3, 0, 4096 - 23);

    private IoEvent received(Object message) {
        return new IoEvent(IoEventType.MESSAGE_RECEIVED, session, message);
    }

    @Test
    void readingStopsPastTheHighMarkAndResumesAtTheLowMark() {
        int high = ReadThrottle.HIGH / frame.size();
        for (int i = 0; i < high; i++) {
            throttle.offered(this, received(frame));
        }
        assertThat(session.isReadSuspended()).as("at the high mark").isFalse();
        throttle.offered(this, received(frame));
        assertThat(session.isReadSuspended()).as("past it").isTrue();

        int drainToLow = high + 1 - ReadThrottle.LOW / frame.size();
        for (int i = 0; i < drainToLow - 1; i++) {
            throttle.polled(this, received(frame));
        }
        assertThat(session.isReadSuspended()).as("above the low mark").isTrue();
        throttle.polled(this, received(frame));
        assertThat(session.isReadSuspended()).as("at the low mark").isFalse();
    }

    @Test
    void onlyReceivedFramesAndHttpBytesCount() {
        for (int i = 0; i < 1000; i++) {
            throttle.offered(this, new IoEvent(IoEventType.MESSAGE_SENT, session, frame));
            throttle.offered(this, new IoEvent(IoEventType.SESSION_IDLE, session, null));
        }
        assertThat(session.isReadSuspended()).isFalse();
    }

    /** Regression: HTTP bytes waiting for a worker were not counted, so a flood of them had no bound. */
    @Test
    void httpBytesWaitingForAWorkerStopReadingToo() {
        byte[] chunk = new byte[4096];
        for (int i = 0; i <= ReadThrottle.HIGH / chunk.length; i++) {
            throttle.offered(this, received(new HttpBytes(chunk)));
        }
        assertThat(session.isReadSuspended()).isTrue();
        assertThat(ReadThrottle.waiting(session)).isGreaterThan(ReadThrottle.HIGH);
    }

    @Test
    void aFrameTakenBeforeItWasCountedDoesNotConfuseIt() {
        throttle.polled(this, received(frame));
        throttle.offered(this, received(frame));
        for (int i = 0; i <= ReadThrottle.HIGH / frame.size(); i++) {
            throttle.offered(this, received(frame));
        }
        assertThat(session.isReadSuspended()).isTrue();
    }
}
