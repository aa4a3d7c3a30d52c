package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.ShoalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The one line a failure becomes, whatever was thrown. */
class FailureMessagesTest {
    @Test
    void aShoalExceptionIsItsMessageWithAddressesAsUsersTypeThem() {
        assertThat(ShoalCommand.describe(new ShoalException("cannot listen on /127.0.0.1:6346: Address already in use")))
                .isEqualTo("cannot listen on 127.0.0.1:6346: Address already in use");
    }

    @Test
    void exceptionsWithoutAMessageAreStillNamed() {
        assertThat(ShoalCommand.describe(new NullPointerException())).startsWith("unexpected NullPointerException (a bug")
                .endsWith("please report it)");
        assertThat(ShoalCommand.describe(new ShoalException(null))).startsWith("unexpected ShoalException");
        assertThat(ShoalCommand.describe(new UncheckedIOException(new IOException("disk full"))))
                .isEqualTo("input/output error: java.io.IOException: disk full");
        assertThat(ShoalCommand.describe(new InterruptedException())).isEqualTo("interrupted");
    }

    @Test
    void theLineNeverSpansSeveralLines() {
        assertThat(ShoalCommand.describe(new IllegalStateException("first\nsecond"))).doesNotContain("\n");
    }
}
