package org.confide.audit.entries;

import static org.confide.audit.AuditTestSupport.owner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.confide.audit.accesslog.rule.AccessLogRule;
import org.confide.audit.accesslog.service.AccessLogService;
import org.confide.audit.chain.AuditEntry;
import org.confide.audit.chain.repository.AuditEntryRepository;
import org.confide.audit.chain.repository.AuditEntryRepository.Filter;
import org.confide.audit.export.service.ExportService;
import org.confide.platform.paging.PageRequest;
import org.confide.testing.QueryPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries stay fast as the log grows (issue 7): on a log of 300,000 entries with fresh statistics, the planner
 * answers the trail, per-client, per-actor, per-type, per-time and access-log queries from an index, never by
 * scanning the table. The SQL explained is what the service sends: captured from Hibernate while the repository or
 * service runs, or the statement the export builds; not a copy.
 */
@QuarkusTest
class QueryPlanTest {

    private static final String ORG = "org-plan";

    @BeforeAll
    static void bigLog() throws Exception {
        try (Connection c = owner();
                Statement st = c.createStatement()) {
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

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-03-01T00:00:00Z");
    private static final OffsetDateTime TO = OffsetDateTime.parse("2026-03-02T00:00:00Z");
    /** client-44's entries are disclosure.shared (type 1 + 44 % 5), with two correlation ids: corr-44, corr-30044. */
    private static final String SHARED_CLIENT = "client-44";

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    private static List<AuditEntry> page(Filter f, int limit) {
        return bean(AuditEntryRepository.class).page(ORG, f, 0, limit);
    }

    /** What each placeholder of the statements is compared with, and its value in this case. */
    private static Map<String, Object> values(String query) {
        Map<String, Object> v = new HashMap<>(Map.of(
                "org =",
                ORG,
                "seq >",
                0L,
                "limit",
                50,
                "offset",
                0,
                "client_id =",
                "client-42",
                "actor_id =",
                "prac-7",
                "type =",
                "disclosure.shared",
                "correlation_id =",
                "corr-42",
                "occurred_at >=",
                FROM,
                "occurred_at <",
                TO));
        switch (query) {
            case "trail" -> v.put("limit", 10_000);
            case "access log" -> {
                v.putAll(Map.of(
                        "client_id =",
                        SHARED_CLIENT,
                        "actor_id <>",
                        SHARED_CLIENT,
                        "seq <",
                        Long.MAX_VALUE,
                        "type in",
                        List.copyOf(AccessLogRule.TYPES.keySet()),
                        "type =",
                        AccessLogRule.INVOLVEMENT,
                        "correlation_id in",
                        List.of("corr-44", "corr-30044")));
            }
            case "export and verify" -> v.putAll(Map.of("seq >", 150_000L, "seq <=", Long.MAX_VALUE));
            default -> {}
        }
        return v;
    }

    /** The statements each query sends: captured from Hibernate, or the JDBC statement the service builds. */
    private static List<String> statements(String query) {
        Runnable call = switch (query) {
            case "trail" -> () -> page(new Filter(null, null, null, "corr-42", null, null), 10_000);
            case "per client" -> () -> page(new Filter("client-42", null, null, null, null, null), 50);
            case "per actor" -> () -> page(new Filter(null, "prac-7", null, null, null, null), 50);
            case "per type" -> () -> page(new Filter(null, null, "disclosure.shared", null, null, null), 50);
            case "per time" -> () -> page(new Filter(null, null, null, null, FROM, TO), 50);
            case "access log" -> () -> bean(AccessLogService.class).page(ORG, SHARED_CLIENT, PageRequest.of(50, null));
            case "export and verify" -> null;
            default -> throw new IllegalArgumentException(query);
        };
        if (call == null) return List.of(ExportService.chunkSql(new ExportService.Filter(null, null, null, null)));
        return QueryPlans.capture(() -> QuarkusTransaction.requiringNew().run(call));
    }

    @DisplayName(
            "issue 7: a filter's query is served by an index, never a sequential scan of the log (the statements the service sends)")
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // query | the index of each statement it sends, in order
                "trail             | audit_entry_correlation",
                "per client        | audit_entry_client",
                "per actor         | audit_entry_actor",
                "per type          | audit_entry_type",
                "per time          | audit_entry_",
                // A page of the client's access log, then the disclosure cases among it (R-PROC-1).
                "access log        | audit_entry_client audit_entry_",
                "export and verify | audit_entry_pkey",
            })
    void usesIndex(String query, String indexes) throws Exception {
        List<String> sent = statements(query);
        List<String> expected = List.of(indexes.split(" "));
        assertEquals(expected.size(), sent.size(), query + " sends " + sent);
        for (int i = 0; i < sent.size(); i++) {
            String plan;
            try (Connection c = owner()) {
                plan = QueryPlans.explain(c, sent.get(i), values(query));
            }
            assertFalse(plan.contains("Seq Scan"), query + " scans the table:\n" + sent.get(i) + "\n" + plan);
            assertTrue(
                    plan.contains(expected.get(i)),
                    query + " does not use " + expected.get(i) + ":\n" + sent.get(i) + "\n" + plan);
        }
    }
}
