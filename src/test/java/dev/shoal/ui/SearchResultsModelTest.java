package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.SearchHit;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.TableModelEvent;
import org.junit.jupiter.api.Test;

class SearchResultsModelTest {
    private static final String SERVENT = "0123456789abcdef0123456789abcdef";
    private static final String OCEAN = "urn:sha1:YGIN5GGMWRZC5SJMV735JXEP5TQYCQ4O";
    private static final String SONG = "urn:sha1:PLSTHIPQGSSZTS5FJUPAKUZWUGYQYPFB";

    private final SearchResultsModel model = new SearchResultsModel();
    private final List<TableModelEvent> events = new ArrayList<>();

    SearchResultsModelTest() {
        model.addTableModelListener(events::add);
    }

    @Test
    void hitsOfTheSameUrnBecomeOneRowWithOneSourcePerHost() {
        model.addHits(List.of(
                hit("ocean-waves-30s.wav", OCEAN, "127.0.0.1", 4001, 3),
                hit("ocean waves.wav", OCEAN.toLowerCase(), "127.0.0.1", 4002, 7),
                hit("Free_Software-Song.wav", SONG, "127.0.0.1", 4001, 1),
                hit("ocean-waves-30s.wav", OCEAN, "127.0.0.1", 4001, 3)));

        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.hitCount()).isEqualTo(4);
        ResultGroup ocean = model.group(0);
        assertThat(ocean.name()).isEqualTo("ocean-waves-30s.wav");
        assertThat(model.getValueAt(0, SearchResultsModel.SOURCES)).isEqualTo(2);
        assertThat(model.getValueAt(0, SearchResultsModel.SIZE)).isEqualTo(1_323_044L);
        assertThat(model.getValueAt(0, SearchResultsModel.TYPE)).isEqualTo("Audio");
        assertThat(ocean.sources()).containsExactly(
                new DownloadSource("127.0.0.1", 4001, 3, "ocean-waves-30s.wav", SERVENT, false),
                new DownloadSource("127.0.0.1", 4002, 7, "ocean waves.wav", SERVENT, false));
        assertThat(model.sourceCount()).isEqualTo(3);
    }

    @Test
    void aBatchInsertsNewRowsOnceAndUpdatesRowsThatGainedSources() {
        model.addHits(List.of(hit("a.wav", OCEAN, "127.0.0.1", 1, 1)));
        events.clear();
        model.addHits(List.of(hit("a.wav", OCEAN, "127.0.0.1", 2, 1), hit("b.wav", SONG, "127.0.0.1", 1, 2),
                hit("b.wav", SONG, "127.0.0.1", 3, 2)));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).getType()).isEqualTo(TableModelEvent.INSERT);
        assertThat(events.get(0).getFirstRow()).isEqualTo(1);
        assertThat(events.get(0).getLastRow()).isEqualTo(1);
        assertThat(events.get(1).getType()).isEqualTo(TableModelEvent.UPDATE);
        assertThat(events.get(1).getFirstRow()).isZero();
        assertThat(model.getValueAt(1, SearchResultsModel.SOURCES)).isEqualTo(2);
    }

    @Test
    void hitsWithoutUrnStayApartAndCannotBeDownloaded() {
        model.addHits(List.of(hit("same.txt", "", "127.0.0.1", 1, 1), hit("same.txt", "", "127.0.0.1", 2, 1),
                hit("other.txt", "", "127.0.0.1", 1, 2)));
        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.group(0).sourceCount()).isEqualTo(2);
        assertThat(model.group(0).downloadable()).isFalse();
    }

    @Test
    void firewalledHostsBehindTheSameAddressAreTwoSources() {
        SearchHit a = new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 6346, 1, 2, "11".repeat(16), "SHOL", true);
        SearchHit b = new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 6346, 1, 2, "22".repeat(16), "SHOL", true);

        model.addHits(List.of(a, b, a));

        assertThat(model.group(0).sources()).containsExactly(DownloadSource.of(a), DownloadSource.of(b));
    }

    @Test
    void eachRowShowsHopsVendorsFirewalledHostsAndWhetherTheUserHasTheFile() {
        FileMarks marks = new FileMarks();
        SearchResultsModel withMarks = new SearchResultsModel(marks::of);
        withMarks.addHits(List.of(
                new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 1, 1, 2, SERVENT, "GTKG", false),
                new SearchHit("ocean.wav", 10, OCEAN, "127.0.0.1", 2, 1, 1, SERVENT, "SHOL", false),
                new SearchHit("ocean.wav", 10, OCEAN, "10.0.0.9", 6346, 1, 3, "11".repeat(16), "GTKG", true),
                new SearchHit("song.wav", 10, SONG, "127.0.0.1", 3, 1, 0, SERVENT, "XYZW", true)));
        assertThat(withMarks.getValueAt(0, SearchResultsModel.HOPS)).isEqualTo(1);
        assertThat(withMarks.getValueAt(0, SearchResultsModel.VENDOR)).isEqualTo("gtk-gnutella, Shoal");
        assertThat(withMarks.getValueAt(0, SearchResultsModel.FIREWALLED)).isEqualTo("1 of 3");
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

    static SearchHit hit(String name, String urn, String host, int port, long index) {
        long size = name.startsWith("ocean") ? 1_323_044 : 378_392;
        return new SearchHit(name, size, urn, host, port, index, 1, SERVENT, "SHOL", false);
    }
}
