package org.confide.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * docs/asyncapi.yaml, made from the records: an AsyncAPI 3.0 document of the three topics, each message a structured
 * CloudEvent whose {@code data} has its type's JSON schema, with the Kafka key rule and the {@code content-type} header.
 * AsyncApiTest fails when the file and this differ; the AsyncAPI parser checks the file ({@code ./confide test}).
 */
public final class AsyncApi {

    private static final String KAFKA_BINDING = "0.5.0";

    private AsyncApi() {}

    public static String yaml() {
        StringBuilder out = new StringBuilder();
        out.append("# Made from the event records of the events module (org.confide.events); do not edit by hand.\n");
        out.append("# After changing a record: ./mvnw -pl events test -Dconfide.asyncapi.write=true\n");
        Yaml.map(out, document(), 0);
        return out.toString();
    }

    static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put(
                "info",
                map(
                        "title",
                        "Confide events",
                        "version",
                        "1.0.0",
                        "description",
                        "The events Confide's services publish (docs/api.md \"Events\"): CloudEvents 1.0 in the Kafka protocol"
                                + " binding's structured mode, one topic per producing service. data holds ids, codes, rule ids,"
                                + " flags, counts and times only, never names or free text."));
        doc.put("defaultContentType", "application/cloudevents+json");
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("CloudEvent", envelope());
        schemas.put(
                "Id",
                map(
                        "type",
                        "string",
                        "minLength",
                        1,
                        "description",
                        "An identifier: a resource id (UUID), an organisation or a user's sub; never a name."));
        schemas.put(
                "Code",
                map(
                        "type",
                        "string",
                        "pattern",
                        "^" + Events.CODE.pattern() + "$",
                        "description",
                        "A code of the contract (an enum constant such as WRITTEN_SIGNED); never free text."));
        schemas.put(
                "RuleId",
                map(
                        "type",
                        "string",
                        "pattern",
                        "^" + Events.RULE_ID.pattern() + "$",
                        "description",
                        "A rule id of docs/domain.md."));
        for (String topic : Topics.ALL) {
            String service = topic.replace("-events", "-service");
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            List<Object> operationMessages = new ArrayList<>();
            for (EventType t : Events.all()) {
                if (!t.topic().equals(topic)) continue;
                channelMessages.put(t.name(), ref("#/components/messages/" + t.name()));
                operationMessages.add(ref("#/channels/" + topic + "/messages/" + t.name()));
                messages.put(t.name(), message(t, service));
                schemas.put(t.name(), dataSchema(t));
            }
            channels.put(
                    topic,
                    map(
                            "address",
                            topic,
                            "description",
                            "The events " + service + " publishes.",
                            "messages",
                            channelMessages,
                            "bindings",
                            map("kafka", map("topic", topic, "bindingVersion", KAFKA_BINDING))));
            operations.put(
                    "publish-" + topic,
                    map(
                            "action",
                            "send",
                            "description",
                            service + " publishes these events.",
                            "channel",
                            ref("#/channels/" + topic),
                            "messages",
                            operationMessages));
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("schemas", schemas, "messages", messages));
        return doc;
    }

    private static Map<String, Object> envelope() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("specversion", map("type", "string", "const", "1.0"));
        p.put(
                "id",
                map(
                        "type",
                        "string",
                        "minLength",
                        1,
                        "description",
                        "Unique per event; consumers skip an id seen before."));
        p.put("source", map("type", "string", "description", "The producing service."));
        p.put("type", map("type", "string"));
        p.put("time", map("type", "string", "format", "date-time"));
        p.put(
                "subject",
                map(
                        "type",
                        "string",
                        "description",
                        "The client the event is about, or the group of an event about a group and no client."));
        p.put("datacontenttype", map("type", "string", "const", "application/json"));
        p.put("org", map("type", "string", "minLength", 1, "description", "The organisation (extension)."));
        p.put("actorid", map("type", "string", "description", "Who acted (extension)."));
        p.put("actorrole", map("type", "string", "description", "The actor's role (extension)."));
        p.put(
                "correlationid",
                map(
                        "type",
                        "string",
                        "description",
                        "The correlation id; a disclosure's id for its steps (extension)."));
        p.put("data", map("type", "object"));
        return map(
                "type",
                "object",
                "required",
                List.of("specversion", "id", "source", "type", "time", "org"),
                "properties",
                p);
    }

    private static Map<String, Object> message(EventType t, String service) {
        List<Object> required = new ArrayList<>(List.of("type", "source", "data"));
        if (t.key() == Key.CLIENT || t.key() == Key.GROUP) required.add("subject");
        Map<String, Object> own = map(
                "type",
                "object",
                "required",
                required,
                "properties",
                map(
                        "type", map("const", t.name()),
                        "source", map("const", service),
                        "data", ref("#/components/schemas/" + t.name())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("title", t.name());
        m.put("contentType", "application/cloudevents+json");
        m.put(
                "headers",
                map(
                        "type",
                        "object",
                        "required",
                        List.of("content-type"),
                        "properties",
                        map("content-type", map("type", "string", "const", Events.CONTENT_TYPE))));
        m.put("payload", map("allOf", List.of(ref("#/components/schemas/CloudEvent"), own)));
        m.put(
                "bindings",
                map(
                        "kafka",
                        map(
                                "key",
                                map(
                                        "type",
                                        "string",
                                        "description",
                                        "The record key: " + t.key().description() + "."),
                                "bindingVersion",
                                KAFKA_BINDING)));
        return m;
    }

    /** The JSON schema of a type's data, from its record. */
    static Map<String, Object> dataSchema(EventType t) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        for (EventType.Field f : t.fields()) {
            Map<String, Object> one = switch (f.kind()) {
                case ID -> ref("#/components/schemas/Id");
                case CODE -> ref("#/components/schemas/Code");
                case RULE_ID -> ref("#/components/schemas/RuleId");
                case BOOLEAN -> map("type", "boolean");
                case INTEGER -> map("type", "integer");
                case TIME -> map("type", "string", "format", "date-time");
            };
            props.put(f.name(), f.list() ? map("type", "array", "items", one) : one);
            if (!f.nullable()) required.add(f.name());
        }
        return map("type", "object", "required", required, "properties", props);
    }

    private static Map<String, Object> ref(String to) {
        return map("$ref", to);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Block-style YAML of maps, lists, strings, numbers and booleans: all this document needs. */
    static final class Yaml {
        private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z$][A-Za-z0-9_.$-]*");

        static void map(StringBuilder out, Map<?, ?> m, int indent) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(out, indent).append(key((String) e.getKey())).append(':');
                value(out, e.getValue(), indent);
            }
        }

        private static void value(StringBuilder out, Object v, int indent) {
            if (v instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    out.append(" {}\n");
                } else {
                    out.append('\n');
                    map(out, m, indent + 2);
                }
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    out.append(" []\n");
                    return;
                }
                out.append('\n');
                for (Object item : l) {
                    pad(out, indent + 2).append('-');
                    if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                        // The first entry on the dash's line, the others under it.
                        StringBuilder inner = new StringBuilder();
                        map(inner, m, indent + 4);
                        out.append(' ').append(inner.substring(indent + 4));
                    } else {
                        value(out, item, indent + 2);
                    }
                }
            } else {
                out.append(' ').append(scalar(v)).append('\n');
            }
        }

        private static String key(String k) {
            return PLAIN_KEY.matcher(k).matches() ? k : quote(k);
        }

        private static String scalar(Object v) {
            if (v instanceof Boolean || v instanceof Number) return v.toString();
            return quote(v.toString());
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        private static StringBuilder pad(StringBuilder out, int n) {
            return out.append(" ".repeat(n));
        }
    }
}
