package dev.shoal.transfer.download;

import java.time.Duration;

/**
 * Tuning of a {@link SwarmDownload}: a view of the node's one config root ({@code node.api.NodeConfig},
 * which owns every default), built by {@code node.ConfigViews}. Tests shrink the chunk size and
 * timeouts with the {@code with...} methods.
 *
 * @param maxActiveSources sources fetched from at once (one connection and thread each)
 * @param chunkSize bytes per chunk, the unit of scheduling, verification and resume: a power of two
 *     (of 1 KiB at least), so that every chunk is one node of the file's Tiger tree
 * @param connectTimeout TCP connect timeout
 * @param pushTimeout how long to wait for a firewalled source's GIV after sending it a Push
 * @param readTimeout a source silent this long is considered stalled and its chunk requeued
 * @param maxFailures consecutive failures (connect, I/O, timeout) before a source is dropped
 * @param maxBusyRetries 503 answers tolerated from one source before it is dropped
 * @param maxRetryAfter upper bound on how long a 503's Retry-After makes us wait
 * @param checkpointInterval how often completed chunks are made durable in the state file
 * @param maxKnownSources cap on sources kept, including those learnt from X-Alt
 * @param userAgent sent as User-Agent
 */
public record SwarmConfig(int maxActiveSources, int chunkSize, Duration connectTimeout, Duration pushTimeout,
        Duration readTimeout,
        int maxFailures, int maxBusyRetries, Duration maxRetryAfter, Duration checkpointInterval,
        int maxKnownSources, String userAgent) {
    public static final int MIN_CHUNK = 1024;
    public static final int MAX_CHUNK = 8 * 1024 * 1024;

    public SwarmConfig {
        if (maxActiveSources < 1 || maxFailures < 1 || maxBusyRetries < 0 || maxKnownSources < 1) {
            throw new IllegalArgumentException("bad swarm limits");
        }
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("chunk size must be a power of two from 1 KiB to 8 MiB: " + chunkSize);
        }
    }

    public SwarmConfig withMaxActiveSources(int n) {
        return new SwarmConfig(n, chunkSize, connectTimeout, pushTimeout, readTimeout, maxFailures,
                maxBusyRetries, maxRetryAfter, checkpointInterval, maxKnownSources, userAgent);
    }

    public SwarmConfig withChunkSize(int bytes) {
        return new SwarmConfig(maxActiveSources, bytes, connectTimeout, pushTimeout, readTimeout, maxFailures,
                maxBusyRetries, maxRetryAfter, checkpointInterval, maxKnownSources, userAgent);
    }

    public SwarmConfig withReadTimeout(Duration d) {
        return new SwarmConfig(maxActiveSources, chunkSize, connectTimeout, pushTimeout, d, maxFailures,
                maxBusyRetries, maxRetryAfter, checkpointInterval, maxKnownSources, userAgent);
    }

    public SwarmConfig withPushTimeout(Duration d) {
        return new SwarmConfig(maxActiveSources, chunkSize, connectTimeout, d, readTimeout, maxFailures,
                maxBusyRetries, maxRetryAfter, checkpointInterval, maxKnownSources, userAgent);
    }

    public SwarmConfig withMaxRetryAfter(Duration d) {
        return new SwarmConfig(maxActiveSources, chunkSize, connectTimeout, pushTimeout, readTimeout, maxFailures,
                maxBusyRetries, d, checkpointInterval, maxKnownSources, userAgent);
    }

    public SwarmConfig withCheckpointInterval(Duration d) {
        return new SwarmConfig(maxActiveSources, chunkSize, connectTimeout, pushTimeout, readTimeout, maxFailures,
                maxBusyRetries, maxRetryAfter, d, maxKnownSources, userAgent);
    }
}
