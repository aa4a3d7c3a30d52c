package dev.shoal.transfer.http;

/** An inclusive byte range {@code first..last} of a file, as in HTTP. */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad byte range " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }

    public boolean contains(long offset) {
        return offset >= first && offset <= last;
    }

    /** {@code bytes=first-last}, the value of a Range request header. */
    public String rangeHeader() {
        return "bytes=" + first + "-" + last;
    }

    /** {@code bytes first-last/size}, the value of a Content-Range header. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
