package org.confide.events;

/** An event's {@code data} that is not what its type declares; {@code getMessage()} says why (field names, never values). */
public class EventDataException extends Exception {
    public EventDataException(String reason) {
        super(reason, null, false, false);
    }
}
