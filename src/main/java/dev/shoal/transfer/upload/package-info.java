/**
 * Serving shared files: one handler answers the requests of any number of connections, limited
 * by upload slots with a waiting line and by a bandwidth limit.
 */
package dev.shoal.transfer.upload;
