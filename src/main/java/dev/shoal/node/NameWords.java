package dev.shoal.node;

import dev.shoal.library.FileNameAnalyzer;
import dev.shoal.library.Library;
import dev.shoal.protocol.Query;
import java.util.LinkedHashSet;
import java.util.List;

/** File names and queries as words, cut exactly as the library's index cuts them. */
final class NameWords {
    private NameWords() {
    }

    static List<String> of(String name) {
        return FileNameAnalyzer.words(name);
    }

    /**
     * The words a keyword query is matched by (at most {@link Library#MAX_QUERY_TERMS}, each once),
     * or none for a query by hash, whose every answer is the file asked for.
     */
    static List<String> ofQuery(Query query) {
        if (!query.urns().isEmpty()) {
            return List.of();
        }
        return new LinkedHashSet<>(of(query.text())).stream().limit(Library.MAX_QUERY_TERMS).toList();
    }
}
