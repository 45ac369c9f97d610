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

/**
 * docs/api.md audit-service and R-CONF-1 / R-CONF-2: an entry's {@code data} holds ids, codes and rule ids, never
 * names, identity or free text. Ingest keeps a field only when its name is on the allow-list (or names an id:
 * {@code ...Id}, {@code ...Ids}) and its value is a code (no spaces, at most 128 characters), a number, a boolean,
 * or a list of these; everything else (nested objects included) is dropped before the entry is hashed.
 */
public final class DataAllowList {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:@/+,=#-]{1,128}");
    private static final Pattern ID_NAME = Pattern.compile("[a-z][A-Za-z0-9]*Ids?");

    private final Set<String> names;

    public DataAllowList(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** What was kept, and the names of the fields dropped. */
    public record Result(ObjectNode kept, List<String> dropped) {
    }

    public Result filter(JsonNode data) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        List<String> dropped = new ArrayList<>();
        if (data == null || !data.isObject()) {
            if (data != null && !data.isNull()) dropped.add("(data that is not an object)");
            return new Result(kept, dropped);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (!allowedName(f.getKey())) {
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

    public boolean allowedName(String name) {
        return names.contains(name) || ID_NAME.matcher(name).matches();
    }

    private static boolean scalar(JsonNode v) {
        return v.isNull() || v.isBoolean() || v.isNumber() || (v.isTextual() && CODE.matcher(v.textValue()).matches());
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode e : (ArrayNode) array) {
            if (!scalar(e)) return false;
        }
        return true;
    }
}
