package dev.shoal.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a command; {@code --version} belongs to {@code shoal} alone. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
