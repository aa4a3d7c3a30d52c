package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;
import org.junit.jupiter.api.Test;

class TableFilterTest {
    @Test
    void everyWordMustAppearInSomeColumnIgnoringCase() {
        List<String> words = TableFilter.words("  Ocean  WAV ");
        assertThat(words).containsExactly("ocean", "wav");
        assertThat(TableFilter.matches(words, List.of("ocean-waves-30s.wav", "Audio"))).isTrue();
        assertThat(TableFilter.matches(words, List.of("ocean.png", "Image"))).isFalse();
        assertThat(TableFilter.matches(TableFilter.words("audio song"), List.of("Free_Software-Song.wav", "Audio")))
                .isTrue();
    }

    @Test
    void blankTextFiltersNothing() {
        assertThat(TableFilter.words("   ")).isEmpty();
        assertThat(TableFilter.of(" ", 0)).isNull();
    }

    @Test
    void narrowsASortedTableToTheChosenColumns() {
        DefaultTableModel model = new DefaultTableModel(new Object[][] {
            {"ocean-waves-30s.wav", "Audio", "secret"},
            {"sunset_gradient.png", "Image", "ocean"},
            {"Sonnet_18.txt", "Text", ""}}, new Object[] {"Name", "Type", "Hidden"});
        TableRowSorter<TableModel> sorter = new TableRowSorter<>(model);
        sorter.setRowFilter(TableFilter.of("ocean", 0, 1));
        assertThat(sorter.getViewRowCount()).isEqualTo(1);
        assertThat(sorter.convertRowIndexToModel(0)).isZero();
        sorter.setRowFilter(TableFilter.of("e", 0, 1));
        assertThat(sorter.getViewRowCount()).isEqualTo(3);
        sorter.setRowFilter(TableFilter.of("text sonnet", 0, 1));
        assertThat(sorter.getViewRowCount()).isEqualTo(1);
    }
}
