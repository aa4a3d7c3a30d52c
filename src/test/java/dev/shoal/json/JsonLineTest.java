package dev.shoal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.JsonTree;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {
    @Test
    void fieldsKeepTheirOrderAndTypes() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "song.ogg");
        f.put("size", 378_392L);
        f.put("hops", 1);
        f.put("firewalled", false);
        f.put("speed", 1.5);
        assertThat(JsonLine.of(f))
                .isEqualTo("{\"name\":\"song.ogg\",\"size\":378392,\"hops\":1,\"firewalled\":false,\"speed\":1.5}");
    }

    @Test
    void everyControlCharacterQuoteAndBackslashIsEscapedSoTheLineParsesBack() {
        StringBuilder nasty = new StringBuilder("\"\\/");
        for (char c = 0; c < 0x20; c++) {
            nasty.append(c);
        }
        nasty.append("é\u2028€");
        String line = JsonLine.of(Map.of("name", nasty.toString()));
        assertThat(line).doesNotContain("\n", "\r", "\u0000").hasLineCount(1);
        assertThat(JsonTree.str(JsonTree.parse(line), "name")).isEqualTo(nasty.toString());
    }

    @Test
    void aNumberThatIsNotIsNull() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("a", Double.NaN);
        f.put("b", Double.POSITIVE_INFINITY);
        f.put("c", null);
        assertThat(JsonLine.of(f)).isEqualTo("{\"a\":null,\"b\":null,\"c\":null}");
    }

    @Test
    void roundedNumbersArePlainAndKeepNoTrailingZeros() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("p50", 200.0);
        f.put("ratio", 2.666666666);
        f.put("big", 20_000_000.0);
        f.put("count", 7L);
        assertThat(JsonLine.of(f, new MathContext(6)))
                .isEqualTo("{\"p50\":200,\"ratio\":2.66667,\"big\":20000000,\"count\":7}");
    }

    @Test
    void aLineReadsBackAsItsFieldsInOrder() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("reason", "query_flood");
        f.put("count", 12345678901L);
        f.put("small", 3);
        f.put("text", "a \"quoted\"\nline");
        assertThat(JsonLine.parse(JsonLine.of(f))).containsExactlyEntriesOf(f);
    }

    @Test
    void somethingElseIsNotAnObject() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLine.parse("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLine.parse("{\"a\":"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
