package dev.shoal.cli;

import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.SharedFileInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal index}: hashes and indexes a folder and lists what would be shared. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Hash and index a folder, then print name, size and urn of each file.")
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to index, recursively.")
    Path folder;

    @Option(names = "--json", description = "Print one JSON object per file per line.")
    boolean json;

    @Mixin
    NodeOptions options;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new ShoalException("not a folder: " + folder);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SharedFileInfo> files = Shoal.index(folder, options.data, event -> {
            if (event instanceof NodeEvent.IndexingProgress p && p.filesTotal() > 0) {
                err.printf("hashing: %d/%d files, %d/%d MB%n", p.filesDone(), p.filesTotal(),
                        p.bytesDone() >> 20, p.bytesTotal() >> 20);
                err.flush();
            }
        });
        for (SharedFileInfo file : files) {
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("name", file.name());
                fields.put("size", file.size());
                fields.put("urn", file.urn());
                fields.put("path", file.path());
                fields.put("index", file.index());
                out.println(Json.object(fields));
            } else {
                out.printf("%s\t%d\t%s%n", file.name(), file.size(), file.urn());
            }
        }
        out.flush();
        return 0;
    }
}
