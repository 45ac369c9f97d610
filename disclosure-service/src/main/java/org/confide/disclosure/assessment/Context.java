package org.confide.disclosure.assessment;

/** Where the concern arose. */
public enum Context {
    GROUP_SESSION,
    NETWORK_MEETING,
    ONE_TO_ONE,
    ONLINE,
    OTHER
}
