package dev.shoal.cli;

import dev.shoal.node.api.Role;
import dev.shoal.node.api.ShoalException;
import picocli.CommandLine;

/** {@code auto}, {@code leaf} or {@code ultrapeer} from the command line. */
final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
        try {
            return Role.parse(value);
        } catch (ShoalException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
