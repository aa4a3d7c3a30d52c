/**
 * File transfer over HTTP, as Gnutella servents do it. {@link dev.shoal.transfer.http} is the wire
 * format both sides share; {@link dev.shoal.transfer.upload} serves shared files and
 * {@link dev.shoal.transfer.download} fetches a file from a swarm of sources. The two sides never
 * see each other: what they share at run time (the download mesh) lives here, below both.
 */
package dev.shoal.transfer;
