package dev.shoal.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.swing.RowFilter;
import javax.swing.table.TableModel;

/**
 * The "filter as you type" rule shared by the result and library tables: every word typed must
 * appear, in any order and case, in one of the chosen columns. Blank text keeps every row.
 */
final class TableFilter {
    private TableFilter() {
    }

    static List<String> words(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    static boolean matches(List<String> words, List<String> cells) {
        for (String w : words) {
            boolean found = false;
            for (String c : cells) {
                if (c != null && c.toLowerCase(Locale.ROOT).contains(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** A row filter over the string values of {@code columns}, or null (no filtering) for blank text. */
    static RowFilter<TableModel, Integer> of(String text, int... columns) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        return new RowFilter<>() {
            @Override
            public boolean include(Entry<? extends TableModel, ? extends Integer> entry) {
                String[] cells = new String[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    cells[i] = entry.getStringValue(columns[i]);
                }
                return matches(words, Arrays.asList(cells));
            }
        };
    }
}
