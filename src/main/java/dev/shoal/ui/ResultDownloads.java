package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.SearchResult;
import java.util.List;

/**
 * Downloads files found by a search or a browse, each from all its sources, off the EDT; files
 * without a hash or already shared are refused with the reason. EDT only.
 */
final class ResultDownloads {
    private ResultDownloads() {
    }

    static void start(AppContext ctx, List<SearchResult> chosen) {
        for (SearchResult r : chosen) {
            if (!r.downloadable()) {
                ctx.notice(r.name() + " came without a hash, so it cannot be verified: not downloaded");
                continue;
            }
            if (ctx.marks().of(r.urn()) == FileMarks.Mark.IN_LIBRARY) {
                ctx.notice("You already share " + r.name() + " (see the Library tab): not downloaded again");
                continue;
            }
            ctx.background().call(() -> ctx.node().download(r.urn(), r.name(), r.size(), r.sources()).info(),
                    (DownloadInfo d) -> started(ctx, r, d));
        }
    }

    private static void started(AppContext ctx, SearchResult r, DownloadInfo d) {
        ctx.marks().download(d);
        if (d.state() == DownloadState.DONE) {
            ctx.notice(r.name() + " is already downloaded: " + d.path());
        } else {
            ctx.announceEnd(d.id());
            ctx.notice("Downloading " + r.name() + " from " + r.sourceCount()
                    + (r.sourceCount() == 1 ? " source" : " sources"));
        }
        ctx.poller().pollSoon();
    }
}
