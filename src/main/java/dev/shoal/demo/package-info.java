/**
 * {@code shoal demo}: a local network of headless servents to try Shoal on, and a terminal
 * walk-through of it for machines without a display. Uses only the node facade.
 */
package dev.shoal.demo;
