package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.Score;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SpamReason;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.TableModelEvent;
import org.junit.jupiter.api.Test;

class SearchResultsModelTest {
    private static final String SERVENT = "0123456789abcdef0123456789abcdef";
    private static final String OCEAN = "urn:sha1:YGIN5GGMWRZC5SJMV735JXEP5TQYCQ4O";
    private static final String SONG = "urn:sha1:PLSTHIPQGSSZTS5FJUPAKUZWUGYQYPFB";
    private static final SpamReason EXE = new SpamReason(SpamReason.Kind.EXECUTABLE,
            "song.mp3.exe is a program (.exe) named like an audio file (.mp3)");

    private final SearchResultsModel model = new SearchResultsModel();
    private final List<TableModelEvent> events = new ArrayList<>();

    SearchResultsModelTest() {
        model.addTableModelListener(events::add);
    }

    @Test
    void aSnapshotAppendsNewFilesOnceAndRefreshesKnownOnesInPlace() {
        model.setResults(List.of(result(OCEAN, "ocean.wav", 60, List.of(), hit("ocean.wav", OCEAN, 1, false))));
        events.clear();
        model.setResults(List.of(
                result(SONG, "song.wav", 80, List.of(), hit("song.wav", SONG, 1, false)),
                result(OCEAN, "ocean.wav", 70, List.of(), hit("ocean.wav", OCEAN, 1, false),
                        hit("ocean.wav", OCEAN, 2, false))));

        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.result(0).urn()).as("rows keep their place").isEqualTo(OCEAN);
        assertThat(model.getValueAt(0, SearchResultsModel.SOURCES)).isEqualTo(2);
        assertThat(events).extracting(TableModelEvent::getType).containsExactly(TableModelEvent.INSERT,
                TableModelEvent.UPDATE);
        assertThat(events.get(0).getFirstRow()).isEqualTo(1);
        assertThat(events.get(1).getFirstRow()).isZero();

        events.clear();
        model.setResults(List.of(result(SONG, "song.wav", 80, List.of(), hit("song.wav", SONG, 1, false))));
        assertThat(events).as("nothing changed").isEmpty();
    }

    @Test
    void theScoreColumnSortsHiddenFilesBelowShownOnesAndReadsAsPoints() {
        model.setResults(List.of(result(OCEAN, "ocean.wav", 40, List.of(), hit("ocean.wav", OCEAN, 1, false)),
                result(SONG, "song.mp3.exe", 95, List.of(EXE), hit("song.mp3.exe", SONG, 1, false))));
        var shown = (SearchResultsModel.Rating) model.getValueAt(0, SearchResultsModel.SCORE);
        var hidden = (SearchResultsModel.Rating) model.getValueAt(1, SearchResultsModel.SCORE);
        assertThat(shown).isGreaterThan(hidden);
        assertThat(shown.toString()).isEqualTo("40");
        assertThat(model.getValueAt(1, SearchResultsModel.HAVE)).isEqualTo("Hidden: program posing as media");
        assertThat(model.shownCount()).isEqualTo(1);
        assertThat(model.hiddenCount()).isEqualTo(1);
        assertThat(model.sourceCount()).isEqualTo(1);
    }

    @Test
    void theToolTipGivesTheScoresReasonsAndWhyAFileIsHidden() {
        model.setResults(List.of(result(SONG, "song.mp3.exe", 95, List.of(EXE), hit("song.mp3.exe", SONG, 1, false))));
        assertThat(model.toolTip(0)).isEqualTo("<html>Score 95: matches 1/1 words, 1 source, 1 hop, not firewalled"
                + "<br>Hidden: song.mp3.exe is a program (.exe) named like an audio file (.mp3)</html>");
    }

    @Test
    void eachRowShowsHopsVendorsFirewalledHostsAndWhetherTheUserHasTheFile() {
        FileMarks marks = new FileMarks();
        SearchResultsModel withMarks = new SearchResultsModel(marks::of);
        withMarks.setResults(List.of(
                result(OCEAN, "ocean.wav", 50, List.of(),
                        new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 1, 1, 2, SERVENT, "GTKG", false),
                        new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 2, 1, 1, SERVENT, "SHOL", false),
                        new SearchHit("ocean.wav", 10, OCEAN, "10.0.0.9", 6346, 1, 3, "11".repeat(16), "GTKG", true)),
                result(SONG, "song.wav", 40, List.of(),
                        new SearchHit("song.wav", 10, SONG, "127.0.0.1", 3, 1, 0, SERVENT, "XYZW", true))));
        assertThat(withMarks.getValueAt(0, SearchResultsModel.HOPS)).isEqualTo(1);
        assertThat(withMarks.getValueAt(0, SearchResultsModel.VENDOR)).isEqualTo("gtk-gnutella, Shoal");
        assertThat(withMarks.getValueAt(0, SearchResultsModel.FIREWALLED)).isEqualTo("1 of 3");
        assertThat(withMarks.getValueAt(0, SearchResultsModel.TYPE)).isEqualTo("Audio");
        assertThat(withMarks.getValueAt(1, SearchResultsModel.VENDOR)).isEqualTo("XYZW");
        assertThat(withMarks.getValueAt(1, SearchResultsModel.FIREWALLED)).isEqualTo("yes");
        assertThat(withMarks.getValueAt(0, SearchResultsModel.HAVE)).isEqualTo("");

        events.clear();
        withMarks.addTableModelListener(events::add);
        marks.setLibrary(List.of(SONG));
        withMarks.marksChanged();
        assertThat(withMarks.getValueAt(1, SearchResultsModel.HAVE)).isEqualTo("In library");
        assertThat(withMarks.mark(1)).isEqualTo(FileMarks.Mark.IN_LIBRARY);
        assertThat(events).extracting(TableModelEvent::getType).containsExactly(TableModelEvent.UPDATE);
    }

    static SearchHit hit(String name, String urn, int port, boolean firewalled) {
        return new SearchHit(name, 1_323_044, urn, "127.0.0.1", port, 1, 1, SERVENT, "SHOL", firewalled);
    }

    static SearchResult result(String urn, String name, double value, List<SpamReason> spam, SearchHit... hits) {
        int firewalled = (int) List.of(hits).stream().filter(SearchHit::firewalled).count();
        Score score = new Score(value, 1, 1, 1, hits.length, 1, false, hits.length, firewalled);
        return new SearchResult(urn.toLowerCase(), urn, name, 1_323_044, List.of(hits), score, spam);
    }
}
