package dev.shoal.node.api;

import java.util.Locale;
import java.util.Map;

/**
 * What a file name says its content is, from its extension: shown next to results and used by the
 * node's spam filter to spot a program dressed as a song or a size no such file can have.
 */
public enum FileKind {
    AUDIO("Audio"), VIDEO("Video"), IMAGE("Image"), TEXT("Text"), DOCUMENT("Document"), ARCHIVE("Archive"),
    DISK_IMAGE("Disk image"),
    /** Runs when opened: a Windows program or installer. */
    PROGRAM("Program"),
    /** Runs code when opened although few people know it: scripts, screen savers, shortcuts. */
    SCRIPT("Script"),
    /** An extension not listed here, or none. */
    OTHER("File");

    private static final Map<String, FileKind> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp3", AUDIO), Map.entry("wav", AUDIO), Map.entry("ogg", AUDIO), Map.entry("flac", AUDIO),
            Map.entry("m4a", AUDIO), Map.entry("wma", AUDIO), Map.entry("aac", AUDIO), Map.entry("opus", AUDIO),
            Map.entry("png", IMAGE), Map.entry("jpg", IMAGE), Map.entry("jpeg", IMAGE), Map.entry("gif", IMAGE),
            Map.entry("svg", IMAGE), Map.entry("webp", IMAGE),
            Map.entry("mp4", VIDEO), Map.entry("mkv", VIDEO), Map.entry("avi", VIDEO), Map.entry("webm", VIDEO),
            Map.entry("mpg", VIDEO), Map.entry("mpeg", VIDEO), Map.entry("wmv", VIDEO), Map.entry("mov", VIDEO),
            Map.entry("m4v", VIDEO), Map.entry("flv", VIDEO),
            Map.entry("txt", TEXT), Map.entry("md", TEXT),
            Map.entry("pdf", DOCUMENT), Map.entry("epub", DOCUMENT), Map.entry("doc", DOCUMENT),
            Map.entry("odt", DOCUMENT),
            Map.entry("zip", ARCHIVE), Map.entry("gz", ARCHIVE), Map.entry("7z", ARCHIVE), Map.entry("tar", ARCHIVE),
            Map.entry("rar", ARCHIVE),
            Map.entry("iso", DISK_IMAGE),
            Map.entry("exe", PROGRAM), Map.entry("msi", PROGRAM), Map.entry("com", PROGRAM),
            Map.entry("scr", SCRIPT), Map.entry("pif", SCRIPT), Map.entry("bat", SCRIPT), Map.entry("cmd", SCRIPT),
            Map.entry("vbs", SCRIPT), Map.entry("vbe", SCRIPT), Map.entry("jse", SCRIPT), Map.entry("wsf", SCRIPT),
            Map.entry("hta", SCRIPT), Map.entry("lnk", SCRIPT));

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    /** How people call it: "Audio", "Disk image". */
    public String label() {
        return label;
    }

    /** The kind of the last extension of {@code name}. */
    public static FileKind of(String name) {
        return ofExtension(extension(name));
    }

    public static FileKind ofExtension(String extension) {
        return BY_EXTENSION.getOrDefault(extension.toLowerCase(Locale.ROOT), OTHER);
    }

    /** The text after the last dot, lower-case, or empty when there is none (or nothing after it). */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** True for kinds that run code when opened. */
    public boolean runs() {
        return this == PROGRAM || this == SCRIPT;
    }

    /** True for what people search the network for most: the kinds fakes dress up as. */
    public boolean isMedia() {
        return this == AUDIO || this == VIDEO || this == IMAGE || this == DOCUMENT || this == TEXT;
    }
}
