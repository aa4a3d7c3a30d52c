package dev.shoal.transfer.download;

import java.util.concurrent.CompletableFuture;

/**
 * Reaches a source that cannot be dialled: sends a Push asking it to connect to us and completes
 * with that connection once its {@code GIV} arrives. The future fails with an
 * {@link UnreachableSourceException} when no Push can be sent (no route to the servent); the
 * caller cancels it when it stops waiting, after which a late connection must be closed.
 */
@FunctionalInterface
public interface PushRequester {
    /** For downloads that cannot send Pushes: every request fails. */
    PushRequester NONE = source -> CompletableFuture.failedFuture(
            new UnreachableSourceException("cannot send a Push from here"));

    /** {@code source.canPush()} is true. */
    CompletableFuture<SourceLink> push(Source source);
}
