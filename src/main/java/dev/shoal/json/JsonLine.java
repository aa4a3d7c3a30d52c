package dev.shoal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way Shoal writes JSON: a flat object on one line, for the scripts that read
 * {@code --json} output of the commands, the benchmarks and the simulator (and for a running
 * node's {@code /shoal/stats}, which {@code shoal stats} reads back with {@link #parse}). Jackson does the
 * writing and the escaping; this class only decides what numbers look like.
 */
public final class JsonLine {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonLine() {
    }

    /** Fields in insertion order; a number that is not finite (NaN, infinity) is written as null. */
    public static String of(Map<String, ?> fields) {
        return write(fields, null);
    }

    /** The same, with every floating-point value rounded to {@code digits} significant digits. */
    public static String of(Map<String, ?> fields, MathContext digits) {
        return write(fields, digits);
    }

    private static String write(Map<String, ?> fields, MathContext digits) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            out.put(e.getKey(), number(e.getValue(), digits));
        }
        return MAPPER.writeValueAsString(out);
    }

    /**
     * Reads back one line written by {@link #of}: a flat object, fields in their order; numbers
     * come back as Integer, Long or Double.
     *
     * @throws IllegalArgumentException if the line is not one JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String line) {
        try {
            Object v = MAPPER.readValue(line, LinkedHashMap.class);
            return (Map<String, Object>) v;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    private static Object number(Object v, MathContext digits) {
        if (!(v instanceof Double || v instanceof Float)) {
            return v;
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        return digits == null ? v : new BigDecimal(d).round(digits).stripTrailingZeros();
    }
}
