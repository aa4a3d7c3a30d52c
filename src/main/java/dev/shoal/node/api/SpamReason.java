package dev.shoal.node.api;

/**
 * Why the node hides a search result: one of the patterns fakes and spam leave in search results.
 *
 * @param detail what was seen, in words for the user ("song.mp3.exe is a program named like audio")
 */
public record SpamReason(Kind kind, String detail) {
    public enum Kind {
        /** Its URN is on the user's spam list. */
        KNOWN_BAD_URN,
        /** A program or script posing as media: {@code song.mp3.exe}, {@code clip.vbs}. */
        EXECUTABLE,
        /** Too small to be what its extension claims (a 2 KiB "song"). */
        IMPLAUSIBLE_SIZE,
        /** Its host names files after whatever is searched, always with the same size. */
        ECHOES_QUERY,
        /** One content (URN) offered under many unrelated names. */
        MANY_NAMES,
        /** Its host sends hundreds of names for one query. */
        FLOODING_HOST
    }

    @Override
    public String toString() {
        return detail;
    }
}
