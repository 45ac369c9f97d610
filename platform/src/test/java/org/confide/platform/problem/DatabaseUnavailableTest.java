package org.confide.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/api.md "Every service also serves": which database failures are 503 (PostgreSQL away) and which stay 500. */
class DatabaseUnavailableTest {

    @ParameterizedTest(name = "SQL state {0}, message ''{1}'': unavailable {2}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "08001, Connection refused, true",
                "08006, An I/O error occurred while sending to the backend, true",
                "08003, connection does not exist, true",
                "57P01, terminating connection due to administrator command, true",
                "57P03, the database system is starting up, true",
                "NULL, Acquisition timeout while waiting for new connection, true",
                "23505, duplicate key value, false",
                "42P01, relation does not exist, false",
                "NULL, something else, false",
                "NULL, NULL, false"
            })
    @DisplayName("Connection-class SQL states, shutdown and start-up states and the pool's timeout are unavailable")
    void states(String state, String message, boolean unavailable) {
        assertEquals(unavailable, DatabaseUnavailable.causes(new SQLException(message, state)));
    }

    @Test
    @DisplayName("Found however deep it is wrapped (Hibernate, JTA), and in a chained next exception")
    void wrapped() {
        SQLException next = new SQLException("batch entry failed", "23505");
        next.setNextException(new SQLException("Connection refused", "08001"));
        assertEquals(true, DatabaseUnavailable.causes(new RuntimeException(new IllegalStateException(next))));
        assertEquals(false, DatabaseUnavailable.causes(new RuntimeException(new IllegalStateException("no"))));
    }
}
