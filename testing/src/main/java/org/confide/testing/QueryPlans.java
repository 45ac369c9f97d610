package org.confide.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN for the statements a repository really sends, not for SQL copied into a test: {@link #capture} records the
 * SQL Hibernate hands to JDBC while a call runs ({@link CapturedStatements} registers {@link #inspect} as Hibernate's
 * StatementInspector), and {@link #explain} plans it with the values the test names for each placeholder.
 */
public final class QueryPlans {

    private static final ThreadLocal<List<String>> CAPTURING = new ThreadLocal<>();
    private static final Pattern COMPARED = Pattern.compile("(\\w+)\\s*(=|<>|!=|>=|<=|>|<)\\s*$");
    private static final Pattern IN_LIST = Pattern.compile("(\\w+)\\s+in\\s*\\(\\s*(?:\\?\\s*,\\s*)*$");
    private static final Pattern LIMIT = Pattern.compile("(?:fetch\\s+first|limit)\\s*$");
    private static final Pattern OFFSET = Pattern.compile("offset\\s*$");

    private QueryPlans() {}

    /** Hibernate's StatementInspector hook: records {@code sql} while a {@link #capture} runs on this thread. */
    public static String inspect(String sql) {
        List<String> captured = CAPTURING.get();
        if (captured != null) captured.add(sql);
        return sql;
    }

    /** The statements {@code call} sends through Hibernate, in order. */
    public static List<String> capture(Runnable call) {
        List<String> captured = new ArrayList<>();
        CAPTURING.set(captured);
        try {
            call.run();
        } finally {
            CAPTURING.remove();
        }
        return captured;
    }

    /**
     * The plan of {@code sql} (JDBC placeholders), as PostgreSQL makes it for these values. Each placeholder's value is
     * named by what it is compared with: {@code "org ="}, {@code "seq >"}, {@code "type in"} (a list, taken in order by
     * the placeholders of the in-list, its last value repeated past its end), {@code "limit"} or {@code "offset"}. A placeholder the values do not name fails,
     * so a statement that changed is noticed rather than planned with the wrong values.
     */
    public static String explain(Connection c, String sql, Map<String, ?> values) throws SQLException {
        StringBuilder prepared = new StringBuilder();
        List<String> args = new ArrayList<>();
        Map<String, Integer> taken = new java.util.HashMap<>();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch != '?') {
                prepared.append(ch);
                continue;
            }
            String key = placeholder(sql.substring(0, i).toLowerCase(Locale.ROOT));
            if (key == null || !values.containsKey(key)) {
                throw new IllegalArgumentException("placeholder " + (args.size() + 1) + " (" + key
                        + ") has no value in " + values.keySet() + ": " + sql);
            }
            Object value = values.get(key);
            if (value instanceof List<?> list) {
                // Past the list's end: the last value again, as Hibernate pads an in-list to a power of two.
                int n = taken.merge(key, 1, Integer::sum) - 1;
                value = list.get(Math.min(n, list.size() - 1));
            }
            args.add(literal(value));
            prepared.append('$').append(args.size());
        }
        String name = "plan_" + Long.toHexString(System.nanoTime());
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement()) {
            st.execute("PREPARE " + name + " AS " + prepared);
            try (ResultSet rs = st.executeQuery(
                    "EXPLAIN EXECUTE " + name + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")"))) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            } finally {
                st.execute("DEALLOCATE " + name);
            }
        }
        return plan.toString();
    }

    private static String placeholder(String before) {
        Matcher m = COMPARED.matcher(before);
        if (m.find()) return m.group(1) + " " + m.group(2);
        m = IN_LIST.matcher(before);
        if (m.find()) return m.group(1) + " in";
        if (LIMIT.matcher(before).find()) return "limit";
        if (OFFSET.matcher(before).find()) return "offset";
        return null;
    }

    private static String literal(Object v) {
        if (v == null) return "NULL";
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        String s = v instanceof Enum<?> e ? e.name() : v.toString();
        return "'" + s.replace("'", "''") + "'";
    }
}
