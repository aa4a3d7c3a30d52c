package dev.shoal.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a servent. */
final class NodeOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder for the index, host cache and downloads (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.shoal")
    Path data;

    @Option(names = "--max-ttl", paramLabel = "N", defaultValue = "4",
            description = "Largest TTL forwarded or sent; higher requests are clamped (default: ${DEFAULT-VALUE}).")
    int maxTtl;
}
