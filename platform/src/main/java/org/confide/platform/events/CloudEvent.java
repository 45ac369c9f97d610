package org.confide.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A CloudEvents 1.0 event in structured JSON mode, with Confide's extensions (docs/api.md "Events"):
 * {@code org}, {@code actorid}, {@code actorrole}, {@code correlationid}. {@code subject} is the client id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String time,
        String subject,
        String datacontenttype,
        String org,
        String actorid,
        String actorrole,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    /**
     * Reads and checks an event from the wire; a message that is not a Confide CloudEvent is refused with
     * the reason, so that a consumer can set it aside instead of failing.
     */
    public static CloudEvent parse(ObjectMapper mapper, String json) throws InvalidEventException {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty message");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (Exception e) {
            throw new InvalidEventException("not a CloudEvent in structured JSON: " + firstLine(e.getMessage()));
        }
        List<String> missing = new ArrayList<>();
        if (!SPEC_VERSION.equals(event.specversion())) missing.add("specversion 1.0");
        if (blank(event.id())) missing.add("id");
        if (blank(event.source())) missing.add("source");
        if (blank(event.type())) missing.add("type");
        if (blank(event.time())) missing.add("time");
        if (blank(event.org())) missing.add("org");
        if (!missing.isEmpty()) {
            throw new InvalidEventException("missing or invalid: " + String.join(", ", missing));
        }
        return event;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A message on a Confide topic that cannot be taken as an event; {@code getMessage()} says why. */
    public static class InvalidEventException extends Exception {
        public InvalidEventException(String reason) {
            super(reason, null, false, false);
        }
    }
}
