package dev.shoal.node.spam;

import dev.shoal.node.api.SearchHit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search hits as real networks return them, recorded in the tests' own words: honest sets that
 * must all stay visible, and the spam patterns that must all be hidden. Every set is what one
 * search for {@code query} brings back.
 */
public final class HitSets {
    private HitSets() {
    }

    /** An honest answer set for "ocean waves": renamed copies, same-length clips, programs, tiny texts, a big library. */
    public static List<SearchHit> honest(String query) {
        List<SearchHit> hits = new ArrayList<>();
        String clip = urn("clip");
        String[] clipNames = {"ocean-waves-30s.wav", "Ocean Waves 30s.wav", "ocean_waves_30s.wav"};
        for (int h = 0; h < 6; h++) {
            hits.add(hit(clipNames[h % 3], 1_323_044, clip, "127.0.1." + h, 6346, "GTKG", false));
        }
        // A popular song under the names its sharers gave it.
        String song = urn("song");
        String[] songNames = {"Enya - Ocean Waves.mp3", "enya_ocean_waves.mp3", "01 - Ocean Waves.mp3",
            "Ocean Waves (Enya).mp3", "Enya - Ocean Waves (Remastered).mp3", "ocean waves - enya - 128kbps.mp3",
            "Ocean Waves [Live].mp3"};
        for (int h = 0; h < 9; h++) {
            hits.add(hit(songNames[h % songNames.length], 4_812_301, song, "127.0.2." + h, 6346,
                    h % 2 == 0 ? "LIME" : "BEAR", false));
        }
        // Two clips of the same length from one host: equal sizes, same kind, different content.
        hits.add(hit("ocean waves 30s left.wav", 2_646_044, urn("left"), "127.0.3.1", 6346, "GTKG", false));
        hits.add(hit("ocean waves 30s right.wav", 2_646_044, urn("right"), "127.0.3.1", 6346, "GTKG", false));
        // One content kept under two names by one host.
        String flac = urn("flac");
        hits.add(hit("ocean waves.flac", 31_337_000, flac, "127.0.3.2", 6346, "RAZA", false));
        hits.add(hit("ocean waves (copy).flac", 31_337_000, flac, "127.0.3.2", 6346, "RAZA", false));
        // A real program, a ringtone, lyrics, a video, a file sent without a hash.
        hits.add(hit("Ocean Waves Screensaver Setup.exe", 1_204_224, urn("setup"), "127.0.3.3", 6346, "LIME", false));
        hits.add(hit("ocean waves ringtone.mp3", 24_576, urn("ring"), "127.0.3.4", 6346, "LIME", false));
        hits.add(hit("ocean waves lyrics.txt", 1_204, urn("lyrics"), "127.0.3.4", 6346, "LIME", false));
        hits.add(hit("ocean waves timelapse.mp4", 3_204_112, urn("timelapse"), "127.0.3.5", 6346, "GTKG", false));
        hits.add(hit("ocean waves.ogg", 2_048_000, "", "127.0.3.6", 6346, "MUTE", false));
        // Firewalled hosts behind one shared address: told apart by servent id.
        for (int h = 0; h < 3; h++) {
            hits.add(new SearchHit("ocean-waves-30s.wav", 1_323_044, clip, "127.1.1.10", 6346, 4, 3,
                    (h + "f").repeat(16), "LIME", true));
        }
        // A photographer's library: eighty pictures matching the words, each its own size.
        for (int i = 1; i <= 80; i++) {
            hits.add(hit(String.format(Locale.ROOT, "Ocean Waves Photo %03d.jpg", i), 900_000 + i * 1_337L,
                    urn("photo" + i), "127.0.4.1", 6346, "GTKG", false));
        }
        return hits;
    }

    /** A host answering every query with the query as a program and as a "full version" archive, of one fixed size. */
    public static List<SearchHit> echoingSpammer(String query, String host) {
        return List.of(hit(query + ".mp3.exe", 3_145_728, urn("payload"), host, 6346, "LIME", false),
                hit(query + " full version.zip", 3_145_728, urn("payload-zip"), host, 6346, "LIME", false));
    }

    /** A host answering every query with one made-up name of one fixed size: caught only across searches. */
    public static List<SearchHit> quietEchoer(String query, String host) {
        return List.of(hit(query + " (2009) DVDRip.avi", 734_003_200, urn("decoy-" + query), host, 6346, "LIME",
                false));
    }

    /** One decoy content under forty names, from twelve hosts. */
    public static List<SearchHit> decoyUnderManyNames(String query) {
        String[] tags = {"dvdrip", "crack", "keygen", "remix", "live", "2009", "hq", "original", "extended",
            "radio edit", "acoustic", "demo", "unplugged", "karaoke", "instrumental", "club mix", "bonus", "deluxe",
            "explicit", "clean", "vinyl", "rare", "leaked", "preview", "full album", "best of", "greatest hits",
            "anniversary", "collector", "special", "limited", "promo", "single", "ep", "mashup", "cover", "tribute",
            "lounge", "chill", "dub"};
        String decoy = urn("decoy");
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < tags.length; i++) {
            hits.add(hit(query + " " + tags[i] + ".mp3", 4_000_000, decoy, "10.9.0." + (i % 12), 6346, "LIME", false));
        }
        return hits;
    }

    /** A host sending hundreds of names, one of each, whatever was asked. */
    public static List<SearchHit> flood(String query, String host, int names) {
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 1; i <= names; i++) {
            hits.add(hit(String.format(Locale.ROOT, "%s track %03d.mp3", query, i), 3_000_000 + 7_919L * i,
                    urn(host + i), host, 6346, "BEAR", false));
        }
        return hits;
    }

    /** Scripts and shortcuts, tiny "songs" and "films". */
    public static List<SearchHit> traps(String query) {
        return List.of(hit(query + ".vbs", 1_874, urn("vbs"), "127.7.0.1", 6346, "LIME", false),
                hit(query + ".mp3.lnk", 1_201, urn("lnk"), "127.7.0.2", 6346, "LIME", false),
                hit(query + " screensaver.scr", 402_000, urn("scr"), "127.7.0.3", 6346, "LIME", false),
                hit(query + ".wma", 2_048, urn("tiny-wma"), "127.7.0.4", 6346, "LIME", false),
                hit(query + " full movie.avi", 20_480, urn("tiny-avi"), "127.7.0.5", 6346, "LIME", false));
    }

    public static SearchHit hit(String name, long size, String urn, String host, int port, String vendor,
            boolean firewalled) {
        return new SearchHit(name, size, urn, host, port, 1, 2, "0123456789abcdef0123456789abcdef", vendor, firewalled);
    }

    /** A well-formed urn:sha1 that stands for {@code label}'s content. */
    public static String urn(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(label.getBytes(StandardCharsets.UTF_8));
            return "urn:sha1:" + base32(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt(buffer >> (bits - 5) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

}
