package org.confide.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One declared event type, read from its record: the CloudEvents {@code type}, the topic, the key rule and the fields.
 * {@link Events#all()} lists them.
 */
public final class EventType {

    /** What a field holds; text is only ever an id, a code or a rule id. */
    public enum Kind {
        ID,
        CODE,
        RULE_ID,
        BOOLEAN,
        INTEGER,
        TIME
    }

    /** One field of the event's {@code data}: its JSON name, what it holds, whether it is a list and whether it may be absent. */
    public record Field(String name, Kind kind, boolean list, boolean nullable, Method accessor) {}

    private final String name;
    private final String topic;
    private final Key key;
    private final Class<? extends EventData> javaType;
    private final List<Field> fields;
    private final Constructor<?> constructor;

    EventType(
            String name,
            String topic,
            Key key,
            Class<? extends EventData> javaType,
            List<Field> fields,
            Constructor<?> constructor) {
        this.name = name;
        this.topic = topic;
        this.key = key;
        this.javaType = javaType;
        this.fields = List.copyOf(fields);
        this.constructor = constructor;
    }

    /** The CloudEvents {@code type}. */
    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public Key key() {
        return key;
    }

    public Class<? extends EventData> javaType() {
        return javaType;
    }

    /** The fields, in declaration order. */
    public List<Field> fields() {
        return fields;
    }

    public Set<String> fieldNames() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The Kafka record key of {@code data} sent by {@code org}. */
    public String keyOf(EventData data, String org) {
        return switch (key) {
            case CLIENT -> text(data, "clientId");
            case GROUP -> text(data, "groupId");
            case CLIENT_OR_GROUP -> {
                String client = text(data, "clientId");
                yield client != null ? client : text(data, "groupId");
            }
            case ORGANISATION -> org;
        };
    }

    /** The CloudEvents {@code subject}: the client, or a group for an event about a group and no client; never an organisation. */
    public String subjectOf(EventData data) {
        return switch (key) {
            case CLIENT, CLIENT_OR_GROUP -> text(data, "clientId");
            case GROUP -> text(data, "groupId");
            case ORGANISATION -> null;
        };
    }

    Object value(EventData data, Field f) {
        try {
            return f.accessor().invoke(data);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    EventData construct(Object[] args) {
        try {
            return javaType.cast(constructor.newInstance(args));
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private String text(EventData data, String field) {
        for (Field f : fields) {
            if (f.name().equals(field)) return (String) value(data, f);
        }
        throw new IllegalStateException(name + " has no field " + field);
    }

    @Override
    public String toString() {
        return name;
    }
}
