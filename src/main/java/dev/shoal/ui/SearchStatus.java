package dev.shoal.ui;

/**
 * The line above a search's results: what the search is doing and what came of it. A search runs
 * for the node's query lifetime (or until stopped); with nobody to ask it is over at once, and then
 * the user is told how to get connected.
 */
final class SearchStatus {
    enum Phase { STARTING, SEARCHING, FINISHED, STOPPED }

    static final String NOT_CONNECTED = "No results: Shoal is not connected to any peer. Connect to a host in the"
            + " Network tab, or add hosts to connect to at start in File \u2192 Settings.";

    private SearchStatus() {
    }

    /**
     * @param peersQueried peers the query was sent to
     * @param connected whether the node has any peer at all
     */
    static String text(Phase phase, int files, int sources, int peersQueried, boolean connected) {
        String found = files + (files == 1 ? " file, " : " files, ") + sources + (sources == 1 ? " source" : " sources");
        return switch (phase) {
            case STARTING -> "Searching\u2026";
            case SEARCHING -> files == 0
                    ? "Searching\u2026 asked " + peersQueried + (peersQueried == 1 ? " peer" : " peers")
                    : found + " \u2014 still searching\u2026";
            case FINISHED -> files > 0 ? found : noResults(peersQueried, connected);
            case STOPPED -> files > 0 ? "Stopped: " + found : "Stopped: no results";
        };
    }

    private static String noResults(int peersQueried, boolean connected) {
        if (peersQueried > 0) {
            return "No results from the " + peersQueried + (peersQueried == 1 ? " peer" : " peers")
                    + " asked (and those they asked): try other words.";
        }
        return connected ? "No results: none of the connected peers shares a file by that name." : NOT_CONNECTED;
    }
}
