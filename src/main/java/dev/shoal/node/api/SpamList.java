package dev.shoal.node.api;

import java.nio.file.Path;

/**
 * The user's list of known fakes: a text file in the data folder with one {@code urn:sha1:} per
 * line ({@code #} starts a comment, blank lines are ignored). Search results with one of these
 * URNs are hidden. The file may be edited in the app or with any editor: changes count from the
 * next look at a search's results.
 */
public interface SpamList {
    /** Where the list is kept ({@code <data>/spam-urns.txt}). */
    Path file();

    /** The file as it is now, or a commented template when there is none yet. */
    String text();

    /**
     * Replaces the file with {@code text}; fails with a {@link ShoalException} naming the first line
     * that is neither blank, a comment, nor a {@code urn:sha1:} (then nothing is written).
     */
    void save(String text);

    /** Appends one URN, with {@code note} (a file name, say) as its comment; nothing if it is listed already. */
    void add(String urn, String note);

    boolean contains(String urn);
}
