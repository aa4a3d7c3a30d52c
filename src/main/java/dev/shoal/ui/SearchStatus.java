package dev.shoal.ui;

/**
 * What a search tab says about its search: a short line above the results, and while there are
 * none, an explanation in the middle of the empty table. A search runs for the node's query
 * lifetime (or until stopped); with nobody to ask it is over at once, and then the user is told
 * how to get connected.
 */
final class SearchStatus {
    enum Phase { STARTING, SEARCHING, FINISHED, STOPPED }

    static final String NOT_CONNECTED = "Shoal is not connected to any peer, so nobody could answer.\n"
            + "Connect to a host in the Network tab (type its host:port and press Enter),\n"
            + "or add hosts to join at every start in File \u2192 Settings.";

    private SearchStatus() {
    }

    /**
     * The line above the results.
     *
     * @param peersQueried peers the query was sent to
     * @param connected whether the node has any peer at all
     */
    static String summary(Phase phase, int files, int sources, int peersQueried, boolean connected) {
        String found = files + (files == 1 ? " file, " : " files, ") + sources + (sources == 1 ? " source" : " sources");
        return switch (phase) {
            case STARTING -> "Searching\u2026";
            case SEARCHING -> files == 0
                    ? "Searching\u2026 asked " + peersQueried + (peersQueried == 1 ? " peer" : " peers")
                    : found + " \u2014 still searching\u2026";
            case FINISHED -> files > 0 ? found : peersQueried == 0 && !connected ? "No results: not connected" : "No results";
            case STOPPED -> files > 0 ? "Stopped: " + found : "Stopped: no results";
        };
    }

    /** The text in the empty results table: why there is nothing (yet), and what to do. */
    static String explanation(Phase phase, int peersQueried, boolean connected) {
        return switch (phase) {
            case STARTING -> "";
            case SEARCHING -> "Waiting for answers: results appear here as peers send them.";
            case STOPPED -> "Stopped before any answer came.";
            case FINISHED -> {
                if (peersQueried > 0) {
                    yield "No results from the " + peersQueried + (peersQueried == 1 ? " peer" : " peers")
                            + " asked, nor from those they asked.\nTry other words, or fewer of them.";
                }
                yield connected ? "None of the connected peers shares a file by that name." : NOT_CONNECTED;
            }
        };
    }
}
