package org.confide.events;

/**
 * What an event's Kafka record key is, so that the events of one thing stay in order on one partition (docs/api.md
 * "Events"; docs/architecture.md "Events"). The CloudEvents {@code subject} is the client the event is about, or the
 * group of an event about a group and no client ({@link EventType#subjectOf}).
 */
public enum Key {
    /** The client the event is about ({@code clientId}); also the subject. */
    CLIENT("the client id"),
    /** A group with no one client in it ({@code groupId}); also the subject. */
    GROUP("the group id"),
    /** The client, or for a question about a group the group ({@code clientId}, else {@code groupId}); the subject is the client, if any. */
    CLIENT_OR_GROUP("the client id, or the group id when the event is about a group"),
    /** The organisation (the event's {@code org}); the event has no subject. */
    ORGANISATION("the organisation (the event's org)");

    private final String description;

    Key(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
