package dev.shoal.node.api;

/**
 * A file (or a whole folder) in a shared folder that looks private and so is not shared, until the
 * user {@linkplain ShoalNode#shareAnyway shares it anyway}.
 *
 * @param path where it is
 * @param kind what it looks like, in words: "SSH key", "wallet", "bank statement"...
 */
public record LeftOutFile(String path, String kind) {
}
