package org.confide.audit.ingest.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.confide.events.EventType;
import org.confide.events.Events;

/**
 * docs/api.md audit-service and R-CONF-1 / R-CONF-2: an entry's {@code data} holds ids, codes and rule ids, never
 * names, identity or free text. The fields kept are those the event's type declares in its record (the events
 * module, where only ids, codes, rule ids, flags, counts and times can be declared), so every code a producer sends
 * is kept; an event of a type this build does not know keeps the fields any type declares. A kept field's value must
 * still be a code (no spaces, at most 128 characters), a number, a boolean, or a list of these; everything else
 * (nested objects included) is dropped before the entry is hashed.
 */
public final class DataAllowList {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:@/+,=#-]{1,128}");

    private final Map<String, Set<String>> byType;
    private final Set<String> unknownType;

    public DataAllowList(Map<String, Set<String>> byType, Set<String> unknownType) {
        this.byType = Map.copyOf(byType);
        this.unknownType = Set.copyOf(unknownType);
    }

    /** The allow-list of the declared event records. */
    public static DataAllowList ofEvents() {
        return new DataAllowList(
                Events.all().stream().collect(Collectors.toMap(EventType::name, EventType::fieldNames)),
                Events.allFieldNames());
    }

    /** What was kept, and the names of the fields dropped. */
    public record Result(ObjectNode kept, List<String> dropped) {}

    public Result filter(String type, JsonNode data) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        List<String> dropped = new ArrayList<>();
        if (data == null || !data.isObject()) {
            if (data != null && !data.isNull()) dropped.add("(data that is not an object)");
            return new Result(kept, dropped);
        }
        Set<String> names = byType.getOrDefault(type, unknownType);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (!names.contains(f.getKey())) {
                dropped.add(f.getKey());
            } else if (scalar(v)) {
                kept.set(f.getKey(), v);
            } else if (v.isArray() && allScalar(v)) {
                kept.set(f.getKey(), v.deepCopy());
            } else {
                dropped.add(f.getKey());
            }
        }
        return new Result(kept, dropped);
    }

    private static boolean scalar(JsonNode v) {
        return v.isNull()
                || v.isBoolean()
                || v.isNumber()
                || (v.isTextual() && CODE.matcher(v.textValue()).matches());
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode e : (ArrayNode) array) {
            if (!scalar(e)) return false;
        }
        return true;
    }
}
