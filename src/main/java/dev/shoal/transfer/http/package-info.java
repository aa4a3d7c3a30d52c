/**
 * The HTTP/1.1 of Gnutella file transfer, for both sides: reading message heads, requests and
 * responses, byte ranges, request targets and the Gnutella headers. Pure parsing and formatting
 * over bytes and strings: no sockets, no threads, no clock.
 */
package dev.shoal.transfer.http;
