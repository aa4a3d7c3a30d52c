package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import java.util.List;

/** Magnet links in the app: copying those of files from any tab, and opening those the user pastes or clicks. EDT only. */
final class Magnets {
    /** A file a link can be made for. */
    record FileRef(String urn, String name, long size) {
    }

    private final AppContext ctx;

    Magnets(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Puts the links of {@code files} on the clipboard (one per line) and says so. */
    void copy(List<FileRef> files) {
        List<FileRef> named = files.stream().filter(f -> !f.urn().isEmpty()).toList();
        if (named.isEmpty()) {
            ctx.notice(files.isEmpty() ? "Select a file to copy its magnet link"
                    : "This file came without a hash, so it has no magnet link");
            return;
        }
        ctx.background().call(() -> named.stream().map(f -> ctx.node().magnetLink(f.urn(), f.name(), f.size())).toList(),
                links -> {
                    MagnetClipboard.copy(links);
                    ctx.notice(links.size() == 1 ? "Copied the magnet link of " + named.get(0).name()
                            : "Copied " + links.size() + " magnet links");
                });
    }

    /** Starts downloading what {@code link} names, finding sources by its hash (and its {@code xs}). */
    void open(String link) {
        String text = link.strip();
        try {
            Shoal.checkLink(text);
        } catch (ShoalException e) {
            ctx.notice("Cannot open the magnet link: " + e.getMessage());
            return;
        }
        int ttl = ctx.node().config().maxTtl();
        ctx.background().call(() -> ctx.node().fetch(text, ttl).info(), this::started);
    }

    private void started(DownloadInfo d) {
        ctx.marks().download(d);
        String name = d.name().isEmpty() ? d.urn() : d.name();
        if (d.state() == DownloadState.DONE) {
            ctx.notice(name + " is already downloaded: " + d.path());
        } else {
            ctx.announceEnd(d.id());
            ctx.notice("Downloading " + name + " from a magnet link: see Transfers");
        }
        ctx.poller().pollSoon();
    }
}
