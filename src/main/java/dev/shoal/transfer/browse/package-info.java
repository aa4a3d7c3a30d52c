/**
 * Browsing a host: asking a servent over HTTP for everything it shares and reading the answer, a
 * stream of QueryHit messages, possibly chunked and deflated. Bounded in files, bytes and message
 * size; the caller owns the connection and its time limits.
 */
package dev.shoal.transfer.browse;
