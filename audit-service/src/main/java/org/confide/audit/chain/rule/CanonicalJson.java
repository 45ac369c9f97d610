package org.confide.audit.chain.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confide.auditlog.jcs.Jcs;

/**
 * The RFC 8785 form of a Jackson tree: the tree as plain JDK values, canonicalised by the log format's {@link Jcs}
 * (one canonicaliser for the service, the bench and the offline verifier).
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static String of(JsonNode node) {
        return Jcs.canonicalize(value(node));
    }

    /** Objects as maps, arrays as lists, numbers as the Number Jackson read, text, booleans and null as themselves. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.properties().forEach(p -> m.put(p.getKey(), value(p.getValue())));
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>(node.size());
            node.forEach(n -> l.add(value(n)));
            return l;
        }
        if (node.isTextual()) return node.textValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isNumber()) return node.numberValue();
        throw new IllegalArgumentException("not JSON: " + node.getNodeType());
    }
}
