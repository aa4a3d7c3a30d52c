package dev.shoal.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * A command of {@code shoal}, made only when a run needs it. Picocli reads every option of a
 * command when the command is added, and for all of them together that is a good part of the
 * start of a one-shot command such as {@code shoal get}; so a run that names its command adds
 * that one alone (see {@link ShoalCommand#newCommandLine(String[], Subcommand...)}).
 *
 * @param name    what the user types, as the command's {@code @Command} annotation says
 * @param factory makes the command object (or its {@code CommandLine}) for picocli
 */
public record Subcommand(String name, Supplier<Object> factory) {
    /** The command of class {@code type}, named by its annotation. */
    public static Subcommand of(Class<?> type, Supplier<Object> factory) {
        Command command = type.getAnnotation(Command.class);
        if (command == null || command.name().isEmpty()) {
            throw new IllegalArgumentException(type + " has no @Command name");
        }
        return new Subcommand(command.name(), factory);
    }
}
