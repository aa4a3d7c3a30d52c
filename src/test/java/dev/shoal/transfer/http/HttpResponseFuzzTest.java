package dev.shoal.transfer.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of an HTTP response head as the download side reads it: status line,
 * lengths, Content-Range, Retry-After, X-Queue, the content URN and X-Alt. Saved inputs replay in
 * every test run (protocol-spec/hardening.md, "Bad-input corpus").
 */
class HttpResponseFuzzTest {
    private static final DecoderContract HEAD = DecoderContract.of(2 << 20, IOException.class);

    @FuzzTest(maxDuration = "5s")
    void heads(byte[] data) {
        HEAD.holds(() -> {
            HttpHead head = HttpHeadReader.read(new ByteArrayInputStream(data));
            if (head == null) {
                return; // a clean end before any byte: the source closed
            }
            HttpResponse r = HttpResponse.parse(head);
            r.keepAlive();
            r.contentLength();
            r.contentRange();
            r.retryAfter();
            r.queue();
            r.contentUrn();
            r.altLocations();
        });
    }
}
