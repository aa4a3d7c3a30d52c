package dev.shoal.ui;

import dev.shoal.node.api.Search;
import dev.shoal.node.api.ShoalNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What every panel needs: the node, the background executor, the EDT event feed, the 1 Hz
 * snapshots, the saved settings, what the user already has and a place to tell the user things.
 * Built once per window.
 */
final class AppContext implements AutoCloseable {
    private final ShoalNode node;
    private final Background background;
    private final EventHub events = new EventHub();
    private final NodePoller poller;
    private final SettingsStore settings;
    private final UiPrefs prefs;
    private final UiTimer timer;
    private final FileMarks marks = new FileMarks();
    private final Magnets magnets = new Magnets(this);
    private final List<Runnable> spamListeners = new ArrayList<>();
    /** The searches of the open Search tabs, oldest first, for the network map to show. */
    private final List<NamedSearch> searches = new ArrayList<>();
    /** Downloads the user started (or resumed) here, whose end is announced in the status bar. */
    private final Set<String> announced = new HashSet<>();
    private Consumer<String> notices = m -> {
    };
    private volatile PreviewOpener previewOpener = PreviewOpener.desktop();
    private Consumer<BrowseTab.Target> browser = t -> {
    };

    AppContext(ShoalNode node, SettingsStore settings, UiPrefs prefs, UiTimer timer) {
        this.node = node;
        this.settings = settings;
        this.prefs = prefs;
        this.timer = timer;
        this.background = new Background(e -> notice(Background.message(e)));
        this.poller = new NodePoller(node);
        node.addListener(events);
        poller.start();
    }

    ShoalNode node() {
        return node;
    }

    Background background() {
        return background;
    }

    EventHub events() {
        return events;
    }

    NodePoller poller() {
        return poller;
    }

    SettingsStore settings() {
        return settings;
    }

    UiPrefs prefs() {
        return prefs;
    }

    /** EDT only: delays the user waits through (typing pauses), by hand in tests. */
    UiTimer timer() {
        return timer;
    }

    /** EDT only. */
    FileMarks marks() {
        return marks;
    }

    /** EDT only. */
    Magnets magnets() {
        return magnets;
    }

    /** EDT only: {@code listener} runs when the user changed the spam list here; returns what stops it. */
    Runnable onSpamListChange(Runnable listener) {
        spamListeners.add(listener);
        return () -> spamListeners.remove(listener);
    }

    /** EDT only: the spam list was edited or a result marked as spam. */
    void spamListChanged() {
        List.copyOf(spamListeners).forEach(Runnable::run);
    }

    /** A search the user started, with what they typed. */
    record NamedSearch(String query, Search search) {
    }

    /** EDT only: a Search tab's search went out. */
    void searchStarted(String query, Search search) {
        searches.add(new NamedSearch(query, search));
    }

    /** EDT only: its tab was closed. */
    void searchClosed(Search search) {
        searches.removeIf(n -> n.search() == search);
    }

    /** EDT only. */
    List<NamedSearch> searches() {
        return List.copyOf(searches);
    }

    /** EDT only: the user started or resumed this download; tell them when it ends. */
    void announceEnd(String downloadId) {
        announced.add(downloadId);
    }

    /** EDT only: true once for a download whose end should be announced. */
    boolean takeAnnouncement(String downloadId) {
        return announced.remove(downloadId);
    }

    /** What previews are handed to: the desktop's player, or a test's recorder. */
    PreviewOpener previewOpener() {
        return previewOpener;
    }

    void setPreviewOpener(PreviewOpener opener) {
        previewOpener = opener;
    }

    /** EDT only: where short messages (a failure, a started download) are shown. */
    void setNoticeSink(Consumer<String> sink) {
        notices = sink;
    }

    /** EDT only: where a host to browse is shown (a tab of its files). */
    void setBrowseSink(Consumer<BrowseTab.Target> sink) {
        browser = sink;
    }

    /** EDT only: shows everything a host shares, in a tab of its own. */
    void browse(BrowseTab.Target target) {
        browser.accept(target);
    }

    /** EDT only. */
    void notice(String message) {
        notices.accept(message);
    }

    /** Stops the UI's own threads; the node is closed by whoever started it. */
    @Override
    public void close() {
        poller.close();
        background.close();
    }
}
