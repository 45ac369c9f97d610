package org.confide.records.client;

/** The kind of support a client receives (docs/api.md). */
public enum Programme {
    GROUP,
    NETWORK_MEETING,
    ONE_TO_ONE,
    COUNSELLING,
    MENTORING,
    COACHING
}
