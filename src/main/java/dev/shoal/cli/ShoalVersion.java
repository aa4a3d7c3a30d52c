package dev.shoal.cli;

import dev.shoal.node.api.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: the version the build stamped into the jar. */
final class ShoalVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Shoal " + BuildInfo.version()};
    }
}
