package dev.shoal.transfer.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shoal.DecoderContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Coverage-guided fuzzing of an HTTP request head as the upload side reads it: start line,
 * target (URN or file index and name), Range. Saved inputs replay in every test run
 * (protocol-spec/hardening.md, "Bad-input corpus").
 */
class HttpRequestFuzzTest {
    /** A head is at most 8 KiB of start line and 16 KiB of headers. */
    private static final DecoderContract HEAD = DecoderContract.of(2 << 20, IOException.class);
    /** A Range value is parsed by a validating constructor: IllegalArgumentException is its refusal. */
    private static final DecoderContract RANGE = DecoderContract.of(1 << 20, IllegalArgumentException.class);

    @FuzzTest(maxDuration = "5s")
    void heads(byte[] data) {
        AtomicReference<HttpRequest> request = new AtomicReference<>();
        HEAD.holds(() -> {
            HttpHead head = HttpHeadReader.read(new ByteArrayInputStream(data));
            if (head == null) {
                return; // a clean end before any byte: the session just ends
            }
            HttpRequest r = HttpRequest.parse(head);
            request.set(r);
            r.keepAlive();
            RequestTarget.parse(r.target());
        });
        if (request.get() != null) {
            request.get().head().first("Range").ifPresent(range -> RANGE.holds(() -> {
                RangeRequest.parse(range).resolve(1_000_000);
                RangeRequest.parse(range).resolve(0);
            }));
        }
    }
}
