package dev.shoal.bench;

import dev.shoal.protocol.Header;

/**
 * The routing reference: the least work anything can do with a frame, namely read its header
 * fields and touch every byte once (a sum). It runs on the very same frames as the servent's
 * path, so their ratio says how many times more a message costs than just looking at it.
 */
final class ByteScan implements MessageSink {
    @Override
    public long accept(byte[] wire, int link) {
        int length = (wire[19] & 0xFF) | (wire[20] & 0xFF) << 8 | (wire[21] & 0xFF) << 16 | (wire[22] & 0xFF) << 24;
        long sum = link + (wire[16] & 0xFF) + (wire[17] & 0xFF) + (wire[18] & 0xFF);
        int end = Header.SIZE + length;
        for (int i = 0; i < end; i++) {
            sum += wire[i];
        }
        return sum;
    }
}
