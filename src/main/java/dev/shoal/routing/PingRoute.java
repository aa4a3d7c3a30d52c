package dev.shoal.routing;

/**
 * What to do with a received Ping. Pings are never forwarded: we answer from our own state
 * (pong caching).
 *
 * @param duplicate already seen, or beyond the hard hops + TTL limit: dropped
 * @param answer    reply with our pong (and cached ones) to the sender
 */
public record PingRoute(boolean duplicate, boolean answer) {
}
