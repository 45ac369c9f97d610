package org.confide.auditlog.jcs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by UTF-16 code units, no whitespace,
 * strings escaped as ECMAScript's JSON.stringify does, numbers in ECMAScript's shortest form.
 * The audit hash is computed over this form, so that anyone can recompute it from an export.
 * Works on JSON as plain JDK values ({@link Json#parse}'s form): Map with String keys, List, String, Number,
 * Boolean and null, so that the offline verifier needs no JSON library.
 */
public final class Jcs {

    private Jcs() {}

    public static String canonicalize(Object json) {
        StringBuilder sb = new StringBuilder();
        write(json, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            List<String> names = new ArrayList<>(m.size());
            for (Object k : m.keySet()) {
                if (!(k instanceof String name))
                    throw new IllegalArgumentException("a JSON member name is a string: " + k);
                names.add(name);
            }
            names.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 3.2.3 asks
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) sb.append(',');
                string(names.get(i), sb);
                sb.append(':');
                write(m.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(l.get(i), sb);
            }
            sb.append(']');
        } else if (v instanceof String s) {
            string(s, sb);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Number n) {
            sb.append(number(n.doubleValue()));
        } else {
            throw new IllegalArgumentException("not JSON: " + v.getClass().getName());
        }
    }

    /** Appends {@code s} as a JSON string in canonical form. */
    public static void string(String s, StringBuilder sb) {
        sb.append('"');
        if (plain(s)) {
            // Most ids and codes need no escaping: one copy instead of a char at a time (verify's hot path).
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') return false;
        }
        return true;
    }

    /** ECMAScript Number::toString (ECMA-262 7.1.12.1) of an IEEE 754 double. */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON");
        }
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + number(-d);
        }
        // Double.toString gives the shortest decimal that round-trips (JDK 19+), as ECMAScript requires.
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        // Java renders at least two digits (4.9E-324) where one may round-trip (5e-324): try one digit.
        if (shortest.precision() == 2) {
            BigDecimal one = shortest.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (one.doubleValue() == d) {
                shortest = one.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
}
