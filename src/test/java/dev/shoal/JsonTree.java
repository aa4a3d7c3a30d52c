package dev.shoal;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as plain Java values, parsed by Jackson: objects become {@code Map<String,Object>}, arrays
 * {@code List<Object>}; the accessors keep the tests that walk expected values short.
 */
public final class JsonTree {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonTree() {
    }

    public static Object parse(String text) {
        return MAPPER.readValue(text, Object.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o, String key) {
        return (List<Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    public static String str(Object o, String key) {
        return (String) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    public static long num(Object o, String key) {
        return ((Number) ((Map<String, Object>) o).get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    public static boolean bool(Object o, String key) {
        return (Boolean) ((Map<String, Object>) o).get(key);
    }
}
