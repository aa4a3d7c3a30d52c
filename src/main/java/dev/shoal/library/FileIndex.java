package dev.shoal.library;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk Lucene index of shared files: one document per path, keyed by the path so that
 * re-indexing a file replaces its document. Everything needed to rebuild a {@link SharedFile}
 * without touching the file is stored, which is what lets a restart skip rehashing.
 *
 * <p>Writes ({@link #put}, {@link #delete}, {@link #commit}) come from one thread, the library's
 * worker; {@link #search} may be called from any thread (the {@link SearcherManager} hands out
 * reference-counted searchers).
 */
final class FileIndex implements Closeable {
    static final String PATH = "path";
    static final String NAME = "name";
    static final String URN = "urn";
    static final String SIZE = "size";
    static final String MODIFIED = "modified";
    static final String INDEX = "index";
    /** Absent from documents written before Tiger trees: those files are hashed again, once. */
    static final String TIGER = "tiger";
    /** Bump when the document layout changes: an index written with another layout is rebuilt. */
    static final String SCHEMA = "1";
    private static final String SCHEMA_KEY = "shoal.library.schema";
    private static final Set<String> PATH_ONLY = Set.of(PATH);
    private static final Logger log = LoggerFactory.getLogger(FileIndex.class);
    /** Why an index cannot be opened when another process holds it. */
    static final String HELD_ELSEWHERE = "another running Shoal uses this data folder (each needs its own)";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean rebuiltUnreadable;

    private FileIndex(Directory directory, IndexWriter writer, boolean rebuiltUnreadable) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.rebuiltUnreadable = rebuiltUnreadable;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens or creates the index in {@code dir}. An unreadable, corrupt or foreign-layout index is
     * thrown away and rebuilt: it is only a cache of hashes, rehashing costs time but loses nothing.
     * A lock held by another process is reported, never broken.
     */
    static FileIndex open(Path dir, Analyzer analyzer) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriter writer;
            boolean unreadable = false;
            try {
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
                String schema = writer.getLiveCommitData() == null ? null : liveCommitValue(writer);
                if (schema != null && !SCHEMA.equals(schema)) {
                    log.warn("Index {} has layout {}, expected {}: rebuilding it", dir, schema, SCHEMA);
                    writer.deleteAll();
                }
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                log.warn("Index {} is unreadable ({}): rebuilding it, files will be rehashed", dir, e.toString());
                // CREATE still reads the old commit to pick the next generation: clear the folder first.
                for (String file : directory.listAll()) {
                    if (!IndexWriter.WRITE_LOCK_NAME.equals(file)) {
                        directory.deleteFile(file);
                    }
                }
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
                unreadable = true;
            }
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
            return new FileIndex(directory, writer, unreadable);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IOException(HELD_ELSEWHERE, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static String liveCommitValue(IndexWriter writer) {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (SCHEMA_KEY.equals(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setCommitOnClose(true);
        return config;
    }

    /** Every stored file; documents that cannot be read back are dropped from the index. */
    List<SharedFile> loadAll() throws IOException {
        List<SharedFile> files = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Bits live = leafReader.getLiveDocs();
                StoredFields stored = leafReader.storedFields();
                for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document document = stored.document(doc);
                    try {
                        files.add(toSharedFile(document));
                    } catch (RuntimeException e) {
                        log.warn("Dropping unreadable index entry {}: {}", document.get(PATH), e.toString());
                        broken.add(document.get(PATH));
                    }
                }
            }
        }
        for (String path : broken) {
            if (path != null) {
                writer.deleteDocuments(new Term(PATH, path));
            }
        }
        return files;
    }

    private static SharedFile toSharedFile(Document d) {
        return new SharedFile(
                d.getField(INDEX).numericValue().longValue(),
                Path.of(d.get(PATH)),
                d.get(NAME),
                d.getField(SIZE).numericValue().longValue(),
                Urn.parse(d.get(URN)),
                d.getField(MODIFIED).numericValue().longValue(),
                d.get(TIGER) == null ? null : TigerRoot.parse(d.get(TIGER)));
    }

    /** Adds or replaces the document of {@code file.path()}. */
    void put(SharedFile file) throws IOException {
        Document d = new Document();
        d.add(new KeywordField(PATH, file.path().toString(), Field.Store.YES));
        d.add(new TextField(NAME, file.name(), Field.Store.YES));
        d.add(new KeywordField(URN, file.urn().toString(), Field.Store.YES));
        d.add(new StoredField(SIZE, file.size()));
        d.add(new StoredField(MODIFIED, file.lastModified()));
        d.add(new StoredField(INDEX, file.index()));
        if (file.tigerRoot() != null) {
            d.add(new StoredField(TIGER, file.tigerRoot().base32()));
        }
        writer.updateDocument(new Term(PATH, file.path().toString()), d);
    }

    void delete(Path path) throws IOException {
        writer.deleteDocuments(new Term(PATH, path.toString()));
    }

    /** Makes changes visible to searches (cheap, in memory). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes durable and visible. */
    /** True when the index on disk was unreadable (corrupt) and this one was started empty in its place. */
    boolean rebuiltUnreadable() {
        return rebuiltUnreadable;
    }

    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Paths of the best {@code max} matches, best first. */
    List<Path> search(Query query, int max) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query, max);
            StoredFields stored = searcher.storedFields();
            List<Path> paths = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                paths.add(Path.of(stored.document(hit.doc, PATH_ONLY).get(PATH)));
            }
            return paths;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }
}
