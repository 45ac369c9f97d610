package org.confide.platform.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure is PostgreSQL being unreachable (refused, dropped, shutting down, starting up, or no pooled
 * connection in time) rather than a fault of the request or the code: {@link ProblemMappers} answers it with 503.
 */
final class DatabaseUnavailable {

    /** What a client is told to wait before retrying (a restarted server accepts connections within seconds). */
    static final int RETRY_AFTER_SECONDS = 5;

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now; class 08 (connection exception) besides. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    static boolean causes(Throwable e) {
        return find(e) != null;
    }

    /** The SQL state and message that made it so, for the log (never for the caller). */
    static String reason(Throwable e) {
        SQLException s = find(e);
        return s == null ? "" : s.getSQLState() + " " + s.getMessage();
    }

    private static SQLException find(Throwable e) {
        int depth = 0;
        for (Throwable c = e; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (unavailable(n)) return n;
                }
            }
        }
        return null;
    }

    static boolean unavailable(SQLException s) {
        String state = s.getSQLState();
        if (state != null) return state.startsWith("08") || STATES.contains(state);
        // Agroal's pool gives up waiting for a connection with no SQL state (the server refused every attempt).
        String message = s.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
