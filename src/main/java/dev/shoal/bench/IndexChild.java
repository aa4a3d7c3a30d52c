package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import dev.shoal.library.Library;
import dev.shoal.library.LibraryListener;
import dev.shoal.library.SharedFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child {@link KilledIndexing} kills: {@code IndexChild DATA FOLDER} opens a library on
 * {@code DATA} sharing {@code FOLDER}, as a node does, says what the index held when it opened,
 * indexes the folder and says how many files it hashed to get there. One JSON line each on stdout.
 */
public final class IndexChild {
    private IndexChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        try (Library library = Library.open(data, List.of(folder), LibraryListener.NONE)) {
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("event", "open");
            opened.put("indexed", library.fileCount());
            opened.put("rebuilt", library.indexRebuilt());
            System.out.println(JsonLine.of(opened));
            System.out.flush();
            library.start();
            library.ready().get();
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("event", "done");
            done.put("files", library.fileCount());
            done.put("hashed", library.filesHashed());
            done.put("digest", digest(library.all()));
            System.out.println(JsonLine.of(done));
            System.out.flush();
        }
    }

    /** One digest of every path with its URN, to compare two indexes of the same folder. */
    private static String digest(List<SharedFile> files) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        files.stream().map(f -> f.path() + "\t" + f.urn() + "\n").sorted()
                .forEach(line -> md.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }
}
