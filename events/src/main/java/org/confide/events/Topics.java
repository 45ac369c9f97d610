package org.confide.events;

import java.util.List;

/** The three event topics of docs/api.md, one per producing service. */
public final class Topics {
    public static final String CONSENT = "consent-events";
    public static final String DISCLOSURE = "disclosure-events";
    public static final String RECORDS = "records-events";
    public static final List<String> ALL = List.of(CONSENT, DISCLOSURE, RECORDS);

    private Topics() {}
}
