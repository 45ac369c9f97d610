package org.confide.audit.entries;

import static org.confide.audit.AuditTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries stay fast as the log grows (issue 7): on a log of 300,000 entries with fresh statistics, the planner
 * answers the trail, per-client, per-actor, per-type, per-time and access-log queries from an index, never by
 * scanning the table. The SQL is what the repositories send (Hibernate's, with the same predicates).
 */
@QuarkusTest
class QueryPlanTest {

    private static final String ORG = "org-plan";

    @BeforeAll
    static void bigLog() throws Exception {
        try (Connection c = owner(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_entry WHERE org = '" + ORG + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) return;
            }
            // No chain_head row: the checkpointer leaves this synthetic log alone.
            st.execute("""
                    INSERT INTO audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role,
                                             client_id, correlation_id, source, data, prev_hash, hash)
                    SELECT 'org-plan', g, 'plan-' || g,
                           (ARRAY['record.accessed','note.written','consent.granted','disclosure.raised','disclosure.shared'])[1 + g % 5],
                           timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute',
                           'prac-' || (g % 200), 'practitioner', 'client-' || (g % 30000), 'corr-' || (g % 60000),
                           'records-service', '{}', repeat('0', 64), repeat('0', 64)
                    FROM generate_series(1, 300000) g""");
            st.execute("ANALYZE audit_entry");
        }
    }

    @DisplayName("issue 7: a filter's query is served by an index, never a sequential scan of the log")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "trail (GET /audit/trails/{id})|audit_entry_correlation|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 0 AND correlation_id = 'corr-42' ORDER BY seq LIMIT 10000",
            "per client (GET /audit/entries?clientId=)|audit_entry_client|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 0 AND client_id = 'client-42' ORDER BY seq LIMIT 50",
            "per actor (GET /audit/entries?actorId=)|audit_entry_actor|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 0 AND actor_id = 'prac-7' ORDER BY seq LIMIT 50",
            "per type (GET /audit/entries?type=)|audit_entry_type|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 0 AND type = 'disclosure.shared' ORDER BY seq LIMIT 50",
            "per time (GET /audit/entries?from=&to=)|audit_entry_|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 0 AND occurred_at >= '2026-03-01' AND occurred_at < '2026-03-02' ORDER BY seq LIMIT 50",
            "access log (GET /me/access-log)|audit_entry_client|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND client_id = 'client-42' AND seq < 9223372036854775807 "
                    + "AND type IN ('record.accessed','file.accessed','supervision.viewed','disclosure.shared','letter.sent') "
                    + "AND (actor_id IS NULL OR actor_id <> 'client-42') ORDER BY seq DESC LIMIT 50",
            "access log, the disclosure cases of a page (R-PROC-1)|audit_entry_|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND correlation_id IN ('corr-42','corr-43','corr-44') "
                    + "AND type = 'disclosure.client-involved' AND client_id = 'client-42' ORDER BY seq",
            "export and verify (keyset on seq)|audit_entry_pkey|"
                    + "SELECT * FROM audit_entry WHERE org = 'org-plan' AND seq > 150000 AND seq <= 9223372036854775807 ORDER BY seq LIMIT 1000",
    })
    void usesIndex(String query, String index, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = owner(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) plan.append(rs.getString(1)).append('\n');
        }
        assertFalse(plan.toString().contains("Seq Scan"), query + " scans the table:\n" + plan);
        assertTrue(plan.toString().contains(index), query + " does not use " + index + ":\n" + plan);
    }
}
