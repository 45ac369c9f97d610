package org.confide.platform.problem;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Parsing of path, query and header values, refusing bad ones with a 400 that names the parameter. */
public final class Params {

    private Params() {}

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    /** An enum constant by name; the refusal lists the allowed values. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(
                    field,
                    "unknown value '" + value + "'; allowed: "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** An optional text field as stored: blank (or absent) is no value at all. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
