package dev.shoal.net;

/**
 * When to ping a quiet peer and when to give up on it. "Quiet" means nothing received: our own
 * pings do not count as traffic. Pure; the caller passes the clock in.
 */
final class KeepAlive {
    enum Action { NONE, PING, CLOSE }

    private KeepAlive() {
    }

    static Action decide(long lastReceivedMillis, long lastPingMillis, long nowMillis,
            long keepAliveMillis, long idleTimeoutMillis) {
        long silence = nowMillis - lastReceivedMillis;
        if (silence >= idleTimeoutMillis) {
            return Action.CLOSE;
        }
        if (silence >= keepAliveMillis && nowMillis - lastPingMillis >= keepAliveMillis) {
            return Action.PING;
        }
        return Action.NONE;
    }
}
