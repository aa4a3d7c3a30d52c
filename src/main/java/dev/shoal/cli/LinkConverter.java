package dev.shoal.cli;

import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import picocli.CommandLine;

/** Rejects a malformed URN or magnet link as a usage error, before a node is started. */
final class LinkConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            Shoal.checkLink(value);
        } catch (ShoalException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        return value;
    }
}
