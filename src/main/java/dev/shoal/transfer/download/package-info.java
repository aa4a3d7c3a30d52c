/**
 * Fetching one file from many sources at once: a coordinator, one worker per source, a schedule
 * of chunks, a resumable part file, and verification against the file's SHA-1.
 */
package dev.shoal.transfer.download;
