/**
 * Tiger trees (THEX): hashing a file's 1024-byte segments into a Merkle tree with BouncyCastle's
 * Tiger, the tree as a value that checks itself, and the DIME serialisation servents exchange at
 * {@code /uri-res/N2X}. Pure: no sockets, no files; used by the library (hashing shared files) and
 * by transfers (serving trees, verifying downloads chunk by chunk).
 */
package dev.shoal.thex;
