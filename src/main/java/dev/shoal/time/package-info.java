/**
 * The one clock and the one scheduler of a servent. Every layer that measures or waits takes them
 * as parameters instead of reading the system clock, so that tests and the network simulator can
 * run the same code on {@link dev.shoal.time.VirtualTime}. JDK only; every other package may use it.
 */
package dev.shoal.time;
