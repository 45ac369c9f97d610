package org.confide.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The declared event types and the one way between a record and an event's {@code data} (a map of JSON values:
 * strings, booleans, integers, lists of strings). Producers write through {@link #toData}, consumers read through
 * {@link #fromData}; both refuse a required field left out and a code or rule id that is not one, so free text cannot
 * travel in an event even by mistake.
 */
public final class Events {

    /**
     * The {@code content-type} header of every Kafka record: the CloudEvents Kafka protocol binding's structured mode,
     * by which any CloudEvents SDK knows the value is a whole event in JSON.
     */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** What a code looks like: a word, never a sentence. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** A rule id of docs/domain.md. */
    public static final Pattern RULE_ID = Pattern.compile("R-[A-Z]+-[0-9]+");

    private static final List<EventType> ALL;
    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        List<EventType> all = new ArrayList<>();
        for (Class<?> topicType : EventData.class.getPermittedSubclasses()) {
            Topic topic = topicType.getAnnotation(Topic.class);
            if (topic == null) throw new IllegalStateException(topicType + " names no @Topic");
            for (Class<?> c : topicType.getPermittedSubclasses()) {
                EventType t = describe(topic.value(), c);
                if (BY_NAME.put(t.name(), t) != null)
                    throw new IllegalStateException("event type declared twice: " + t.name());
                BY_CLASS.put(c, t);
                all.add(t);
            }
        }
        ALL = Collections.unmodifiableList(all);
    }

    private Events() {}

    /** Every declared event type, by topic, in declaration order. */
    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byName(String type) {
        return Optional.ofNullable(type == null ? null : BY_NAME.get(type));
    }

    public static EventType of(Class<? extends EventData> javaType) {
        EventType t = BY_CLASS.get(javaType);
        if (t == null) throw new IllegalArgumentException(javaType + " is not a declared event type");
        return t;
    }

    public static EventType of(EventData data) {
        return of(data.getClass());
    }

    /** Every field name any type declares (for an event of a type this build does not know). */
    public static Set<String> allFieldNames() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(t -> t.fields().forEach(f -> names.add(f.name())));
        return names;
    }

    /**
     * The event's {@code data}: its fields in declaration order, absent ones left out, times as RFC 3339 text.
     *
     * @throws IllegalArgumentException a required field is null, or a code or rule id is not one
     */
    public static Map<String, Object> toData(EventData data) {
        EventType t = of(data);
        Map<String, Object> out = new LinkedHashMap<>();
        for (EventType.Field f : t.fields()) {
            Object v = t.value(data, f);
            if (v == null) {
                if (!f.nullable()) throw new IllegalArgumentException(t.name() + ": " + f.name() + " is required");
                continue;
            }
            if (f.list()) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) v) items.add(checked(t, f, item));
                out.put(f.name(), List.copyOf(items));
            } else {
                out.put(f.name(), checked(t, f, v));
            }
        }
        return out;
    }

    /**
     * The record of an event of {@code type} whose {@code data} is {@code data} (JSON values as a map). Fields the type
     * does not declare are ignored (a newer producer may add some).
     *
     * @throws EventDataException the type is unknown, a required field is missing, or a value is not what is declared
     */
    public static EventData fromData(String type, Map<String, ?> data) throws EventDataException {
        EventType t = byName(type).orElseThrow(() -> new EventDataException("unknown event type " + type));
        Map<String, ?> d = data == null ? Map.of() : data;
        Object[] args = new Object[t.fields().size()];
        for (int i = 0; i < args.length; i++) {
            EventType.Field f = t.fields().get(i);
            Object v = d.get(f.name());
            if (v == null) {
                if (!f.nullable()) throw new EventDataException(t.name() + ": " + f.name() + " is missing");
                continue;
            }
            try {
                if (f.list()) {
                    if (!(v instanceof List<?> list)) throw new IllegalArgumentException("not a list");
                    List<Object> items = new ArrayList<>();
                    for (Object item : list) items.add(read(t, f, item));
                    args[i] = List.copyOf(items);
                } else {
                    args[i] = read(t, f, v);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new EventDataException(
                        t.name() + ": " + f.name() + " is not " + f.kind() + ": " + e.getMessage());
            }
        }
        return t.construct(args);
    }

    /** An event of {@code type} with every field set, lists of two (for tests that must see every field arrive). */
    public static EventData sample(EventType type) {
        Object[] args = new Object[type.fields().size()];
        for (int i = 0; i < args.length; i++) {
            EventType.Field f = type.fields().get(i);
            args[i] = f.list() ? List.of(sampleValue(type, f, 1), sampleValue(type, f, 2)) : sampleValue(type, f, 1);
        }
        return type.construct(args);
    }

    private static Object sampleValue(EventType t, EventType.Field f, int n) {
        return switch (f.kind()) {
            case ID ->
                UUID.nameUUIDFromBytes((t.name() + "/" + f.name() + "/" + n).getBytes())
                        .toString();
            case CODE -> "SAMPLE_" + f.name().toUpperCase() + "_" + n;
            case RULE_ID -> "R-SAMPLE-" + n;
            case BOOLEAN -> true;
            case INTEGER -> 2 + n;
            case TIME -> Instant.parse("2026-11-22T10:15:0" + n + "Z");
        };
    }

    private static Object checked(EventType t, EventType.Field f, Object v) {
        if (v == null) throw new IllegalArgumentException(t.name() + ": " + f.name() + " holds a null");
        return switch (f.kind()) {
            case CODE -> matching(t, f, (String) v, CODE);
            case RULE_ID -> matching(t, f, (String) v, RULE_ID);
            case TIME -> v.toString();
            default -> v;
        };
    }

    private static String matching(EventType t, EventType.Field f, String v, Pattern p) {
        if (!p.matcher(v).matches()) {
            throw new IllegalArgumentException(t.name() + ": " + f.name() + " is a " + f.kind() + " field and holds no "
                    + f.kind() + " (" + v.length() + " characters)");
        }
        return v;
    }

    private static Object read(EventType t, EventType.Field f, Object v) {
        return switch (f.kind()) {
            case ID -> text(v);
            case CODE -> matching(t, f, text(v), CODE);
            case RULE_ID -> matching(t, f, text(v), RULE_ID);
            case BOOLEAN -> {
                if (!(v instanceof Boolean b)) throw new IllegalArgumentException("not a boolean");
                yield b;
            }
            case INTEGER -> {
                if (!(v instanceof Number n)
                        || n.doubleValue() != Math.rint(n.doubleValue())
                        || n.longValue() > Integer.MAX_VALUE
                        || n.longValue() < Integer.MIN_VALUE) {
                    throw new IllegalArgumentException("not an integer");
                }
                yield n.intValue();
            }
            case TIME -> Instant.parse(text(v));
        };
    }

    private static String text(Object v) {
        if (!(v instanceof String s)) throw new IllegalArgumentException("not a string");
        return s;
    }

    static EventType describe(String topic, Class<?> c) {
        Type type = c.getAnnotation(Type.class);
        if (type == null || !c.isRecord()) throw new IllegalStateException(c + ": an event is a record with @Type");
        List<EventType.Field> fields = new ArrayList<>();
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            fields.add(field(c, components[i]));
            types[i] = components[i].getType();
        }
        Constructor<?> constructor;
        try {
            constructor = c.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        Class<? extends EventData> javaType = (Class<? extends EventData>) c;
        return new EventType(type.value(), topic, type.key(), javaType, fields, constructor);
    }

    /** A component's kind from its Java type and annotation; anything else cannot be declared (see {@link Code}). */
    private static EventType.Field field(Class<?> c, RecordComponent rc) {
        Class<?> raw = rc.getType();
        boolean list = raw == List.class;
        Class<?> element = raw;
        if (list) {
            if (!(rc.getGenericType() instanceof ParameterizedType p)
                    || p.getActualTypeArguments()[0] != String.class) {
                throw new IllegalStateException(
                        c.getName() + "." + rc.getName() + ": a list holds text (ids, codes, rule ids) only");
            }
            element = String.class;
        }
        boolean nullable = rc.isAnnotationPresent(Nullable.class);
        EventType.Kind kind;
        if (element == String.class) {
            List<EventType.Kind> marks = new ArrayList<>();
            if (rc.isAnnotationPresent(Id.class)) marks.add(EventType.Kind.ID);
            if (rc.isAnnotationPresent(Code.class)) marks.add(EventType.Kind.CODE);
            if (rc.isAnnotationPresent(RuleId.class)) marks.add(EventType.Kind.RULE_ID);
            if (marks.size() != 1) {
                throw new IllegalStateException(
                        c.getName() + "." + rc.getName()
                                + ": text in an event is an @Id, a @Code or a @RuleId, exactly one of them; free text cannot be declared");
            }
            kind = marks.getFirst();
        } else if (element == boolean.class || element == Boolean.class) {
            kind = EventType.Kind.BOOLEAN;
        } else if (element == int.class || element == Integer.class) {
            kind = EventType.Kind.INTEGER;
        } else if (element == Instant.class) {
            kind = EventType.Kind.TIME;
        } else {
            throw new IllegalStateException(
                    c.getName() + "." + rc.getName() + ": " + raw.getSimpleName()
                            + " cannot be declared in an event (ids, codes, rule ids, booleans, integers, times and lists of text only)");
        }
        if (nullable && element.isPrimitive()) {
            throw new IllegalStateException(c.getName() + "." + rc.getName() + ": a primitive is never absent");
        }
        return new EventType.Field(rc.getName(), kind, list, nullable, rc.getAccessor());
    }
}
