package dev.shoal.cli;

import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import picocli.CommandLine;

/** {@code HOST:PORT} (or {@code [v6]:PORT}) from the command line; a name is looked up here, once. */
final class HostPortConverter implements CommandLine.ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
        HostPort hostPort;
        try {
            hostPort = HostPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage() + " (got '" + value + "')");
        }
        InetSocketAddress address = hostPort.resolve();
        if (address.isUnresolved()) {
            throw new CommandLine.TypeConversionException("unknown host '" + hostPort.host() + "'");
        }
        return address;
    }
}
