package dev.shoal.cli;

import dev.shoal.node.api.NodeEvent;

/** The line {@code shoal node} and {@code shoal index} print when files that look private were left out. */
final class LeftOutLine {
    private LeftOutLine() {
    }

    static String of(NodeEvent.PrivateFilesLeftOut left) {
        return "left out " + Units.plural(left.count(), "file") + " that " + (left.count() == 1 ? "looks" : "look")
                + " private (keys, wallets, mail, passports, tax or bank papers): see " + left.listFile()
                + "; to share one anyway, add its path to " + left.anywayFile();
    }
}
