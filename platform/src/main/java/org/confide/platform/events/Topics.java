package org.confide.platform.events;

/** The three event topics of docs/api.md, one per producing service; the key is the client id. */
public final class Topics {
    public static final String CONSENT = "consent-events";
    public static final String DISCLOSURE = "disclosure-events";
    public static final String RECORDS = "records-events";

    private Topics() {
    }
}
