package dev.shoal.cli;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.SearchHit;
import java.util.LinkedHashMap;
import java.util.Map;

/** One file a host offers, as {@code shoal search} and {@code shoal browse} print it: text or JSON. */
final class HitLine {
    private HitLine() {
    }

    static String text(SearchHit hit) {
        return String.format("%s  %s  %s  %s:%d  hops=%d", hit.name(), Units.bytes(hit.size()),
                hit.urn().isEmpty() ? "-" : hit.urn(), hit.host(), hit.port(), hit.hops());
    }

    /** A file of a host already named: its name, size and URN. */
    static String file(SearchHit hit) {
        return String.format("%s  %s  %s", hit.name(), Units.bytes(hit.size()), hit.urn().isEmpty() ? "-" : hit.urn());
    }

    /** The exact size in bytes and every field of the hit, for scripts. */
    static String json(SearchHit hit) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", hit.name());
        fields.put("size", hit.size());
        fields.put("urn", hit.urn());
        fields.put("host", hit.host());
        fields.put("port", hit.port());
        fields.put("index", hit.index());
        fields.put("hops", hit.hops());
        fields.put("servent_id", hit.serventId());
        fields.put("vendor", hit.vendor());
        fields.put("firewalled", hit.firewalled());
        return JsonLine.of(fields);
    }
}
