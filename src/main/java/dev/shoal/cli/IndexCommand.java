package dev.shoal.cli;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.UserFolders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal index}: hashes and indexes a folder and lists what would be shared. */
@Command(name = "index", description = "Hash and index a folder, then print name, size and urn of each file.")
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "DIR", description = "Folder to index, recursively.")
    Path folder;

    @Option(names = "--json", description = "Print one JSON object per file per line, with the exact size in bytes.")
    boolean json;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder whose hash cache is used and updated (default: ${DEFAULT-VALUE}).")
    Path data = UserFolders.current().data();

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new ShoalException("not a folder: " + folder);
        }
        Folders.requireFolderOrNothing(spec, "--data", data);
        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = ShoalCommand.terminal(spec);
        List<SharedFileInfo> files;
        AtomicReference<NodeEvent.PrivateFilesLeftOut> leftOut = new AtomicReference<>();
        try {
            files = Shoal.index(folder, data, event -> {
                if (event instanceof NodeEvent.IndexingProgress p && p.filesTotal() > 0) {
                    terminal.status("hashing " + p.filesDone() + "/" + Units.plural(p.filesTotal(), "file") + ", "
                            + Units.of(p.bytesDone(), p.bytesTotal()));
                } else if (event instanceof NodeEvent.PrivateFilesLeftOut left) {
                    leftOut.set(left);
                }
            });
        } finally {
            terminal.clearStatus();
        }
        for (SharedFileInfo file : files) {
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("name", file.name());
                fields.put("size", file.size());
                fields.put("urn", file.urn());
                fields.put("path", file.path());
                fields.put("index", file.index());
                out.println(JsonLine.of(fields));
            } else {
                out.printf("%s\t%s\t%s%n", file.name(), Units.bytes(file.size()), file.urn());
            }
        }
        out.flush();
        long bytes = files.stream().mapToLong(SharedFileInfo::size).sum();
        terminal.writer().println(files.isEmpty() ? "no files in " + folder
                : Units.plural(files.size(), "file") + ", " + Units.bytes(bytes));
        if (leftOut.get() != null && leftOut.get().count() > 0) {
            terminal.writer().println(LeftOutLine.of(leftOut.get()));
        }
        terminal.writer().flush();
        return 0;
    }
}
