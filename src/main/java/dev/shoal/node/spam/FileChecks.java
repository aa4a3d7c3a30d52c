package dev.shoal.node.spam;

import dev.shoal.node.api.FileKind;
import dev.shoal.node.api.SpamReason;
import java.util.Locale;
import java.util.Optional;

/** What a single hit's name and size give away on their own: programs dressed as media, impossible sizes. */
final class FileChecks {
    private FileChecks() {
    }

    /**
     * A script or shortcut ({@code .vbs}, {@code .scr}, {@code .lnk}...), which nobody searching a
     * file-sharing network wants to open, or a program whose name ends like media
     * ({@code song.mp3.exe}: Windows hides the last extension, so it reads "song.mp3").
     */
    static Optional<SpamReason> executable(String name) {
        String outer = FileKind.extension(name);
        FileKind kind = FileKind.ofExtension(outer);
        if (!kind.runs()) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - outer.length() - 1).strip();
        String inner = FileKind.extension(stem);
        FileKind posingAs = FileKind.ofExtension(inner);
        if (posingAs.isMedia()) {
            return Optional.of(new SpamReason(SpamReason.Kind.EXECUTABLE, name + " is a program (." + outer
                    + ") named like " + article(posingAs) + " file (." + inner + ")"));
        }
        if (kind == FileKind.SCRIPT) {
            return Optional.of(new SpamReason(SpamReason.Kind.EXECUTABLE, name + " is a Windows script or shortcut (."
                    + outer + "): it runs code when opened"));
        }
        return Optional.empty();
    }

    /** Audio or video far too small for its kind: the size of an advertisement, not of the file named. */
    static Optional<SpamReason> implausibleSize(String name, long size, SpamRules rules) {
        FileKind kind = FileKind.of(name);
        long min = switch (kind) {
            case AUDIO -> rules.minAudioBytes();
            case VIDEO -> rules.minVideoBytes();
            default -> 0;
        };
        if (size >= min) {
            return Optional.empty();
        }
        return Optional.of(new SpamReason(SpamReason.Kind.IMPLAUSIBLE_SIZE, SpamFilter.bytes(size) + " is too small for "
                + article(kind) + " file (." + FileKind.extension(name) + ")"));
    }

    private static String article(FileKind kind) {
        String label = kind.label().toLowerCase(Locale.ROOT);
        return (kind == FileKind.AUDIO || kind == FileKind.IMAGE || kind == FileKind.ARCHIVE ? "an " : "a ") + label;
    }
}
