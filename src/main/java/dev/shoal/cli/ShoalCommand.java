package dev.shoal.cli;

/** Placeholder entry point replaced by the picocli command tree. */
public final class ShoalCommand {
    public static void main(String[] args) {
        System.out.println("shoal");
    }
}
