package org.confide.platform.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.confide.events.EventData;
import org.confide.events.EventDataException;
import org.confide.events.Events;

/**
 * The one place an event record becomes the JSON {@code data} of a CloudEvent and back (the record's fields are ids,
 * codes, flags, counts and times: plain JSON values, so any mapper writes them alike).
 */
public final class EventJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private EventJson() {}

    /** The record as CloudEvent {@code data}. */
    public static JsonNode write(ObjectMapper mapper, EventData data) {
        return mapper.valueToTree(Events.toData(data));
    }

    /** The record an event carries; an unknown type or data that is not what the type declares is refused with the reason. */
    public static EventData read(ObjectMapper mapper, CloudEvent event) throws CloudEvent.InvalidEventException {
        JsonNode d = event.data();
        if (d != null && !d.isNull() && !d.isObject()) {
            throw new CloudEvent.InvalidEventException(event.type() + ": data is not a JSON object");
        }
        try {
            return Events.fromData(event.type(), d == null || d.isNull() ? Map.of() : mapper.convertValue(d, MAP));
        } catch (EventDataException e) {
            throw new CloudEvent.InvalidEventException(e.getMessage());
        }
    }
}
