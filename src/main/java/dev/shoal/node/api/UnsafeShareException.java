package dev.shoal.node.api;

/**
 * A folder the node will not share: the root of a disk, the user's home folder or a folder holding
 * it. Its message says which and what to share instead.
 */
public final class UnsafeShareException extends ShoalException {
    public UnsafeShareException(String message) {
        super(message);
    }
}
