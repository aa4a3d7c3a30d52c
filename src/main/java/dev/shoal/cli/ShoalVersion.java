package dev.shoal.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or "dev" when run from classes. */
final class ShoalVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ShoalVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Shoal " + (version == null ? "dev" : version)};
    }
}
