package org.confide.audit.chain.service;

import static org.confide.audit.AuditTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ingest keeps up as the log grows (issue 16): the duplicate check of a batch of 5,000 event ids is an index lookup
 * on a log of a million entries, both as planned for one execution and as the generic plan the driver switches to
 * after five. The statement is the one {@link ChainAppender} runs.
 */
@QuarkusTest
class DuplicateCheckPlanTest {

    private static final int ROWS = 1_000_000;
    private static final int BATCH = 5_000;

    @Test
    @DisplayName(
            "issue 16: the duplicate check of a 5,000-event batch probes the event id index of a 1,000,000-entry log, never scans it")
    void duplicateCheckUsesTheIndex() throws Exception {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // Filled and explained in one transaction that is rolled back, so the other tests keep a small log.
                // The indexes this statement cannot use are dropped meanwhile (rolled back too): the fill then takes
                // seconds instead of minutes. Event ids are random like real ones (no correlation with the table's
                // order) and rows are narrow, both of which make a sequential scan look cheaper to the planner.
                st.execute("""
                        DROP INDEX audit_entry_client, audit_entry_correlation, audit_entry_actor, audit_entry_occurred,
                                   audit_entry_type""");
                st.execute("""
                        INSERT INTO audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role,
                                                 client_id, correlation_id, source, data, prev_hash, hash)
                        SELECT 'org-duplicate-plan', g, md5(g::text)::uuid::text, 'record.accessed',
                               timestamptz '2026-01-01', timestamptz '2026-01-01', NULL, 'practitioner', NULL, NULL,
                               'records-service', '{}', '', ''
                        FROM generate_series(1, %d) g""".formatted(ROWS));
                st.execute("ANALYZE audit_entry");
                // Half of the batch is in the log (a redelivery), half is new.
                String[] ids = new String[BATCH];
                try (ResultSet rs = st.executeQuery(
                        "SELECT md5((g * 397)::text)::uuid::text FROM generate_series(1, " + BATCH + ") g")) {
                    for (int i = 0; rs.next(); i++) ids[i] = rs.getString(1);
                }
                assertIndexLookup("custom plan", explainCustom(c, ids));
                assertIndexLookup("generic plan", explainGeneric(st, ids));
            } finally {
                c.rollback();
            }
        }
    }

    private static String explainCustom(Connection c, String[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + ChainAppender.STORED_IDS)) {
            ps.setArray(1, c.createArrayOf("text", ids));
            return plan(ps.executeQuery());
        }
    }

    /** EXECUTE takes no bind parameters: the ids (hex and dashes) are written as an array literal. */
    private static String explainGeneric(Statement st, String[] ids) throws SQLException {
        st.execute("PREPARE stored_ids(text[]) AS " + ChainAppender.STORED_IDS.replace("?", "$1"));
        st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
        return plan(st.executeQuery("EXPLAIN EXECUTE stored_ids('{" + String.join(",", ids) + "}')"));
    }

    private static String plan(ResultSet rs) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (rs) {
            while (rs.next()) plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }

    private static void assertIndexLookup(String which, String plan) {
        assertFalse(plan.contains("Seq Scan"), which + " scans the log:\n" + plan);
        assertTrue(
                plan.contains("Index Only Scan using audit_entry_event_once")
                        || plan.contains("Index Scan using audit_entry_event_once"),
                which + " does not probe the event id index:\n" + plan);
    }
}
