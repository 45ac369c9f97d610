package org.confide.consent.outbox;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.await;
import static org.confide.consent.Fixtures.knownClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRetentionTest {

    static final String ORG = "org-outbox-retention";

    @Test
    @DisplayName(
            "R-REC-3: the outbox keeps a sent event for CONFIDE_OUTBOX_RETENTION (7 days by default), then the relay deletes it")
    void sentEventsArePurgedAfterRetention() {
        assertEquals(
                Duration.ofDays(7),
                Arc.container().instance(PlatformConfig.class).get().outbox().retention());
        String old = knownClient(ORG, "p1");
        String recent = knownClient(ORG, "p1");
        for (String client : List.of(old, recent)) {
            as("manager", ORG, "m1")
                    .body("""
                    {"clientId": "%s", "matter": "OTHER", "hasCapacity": true, "reasons": "r"}""".formatted(client))
                    .post("/capacity-assessments")
                    .then()
                    .statusCode(201);
        }
        await("both events sent", () -> count("message_key in (?1, ?2) and sent_at is not null", old, recent) == 2);
        // One was sent just over the retention ago, the other just under it.
        update("update outbox_event set sent_at = now() - interval '7 days 1 minute' where message_key = ?1", old);
        update("update outbox_event set sent_at = now() - interval '6 days 23 hours' where message_key = ?1", recent);

        int purged = Arc.container().instance(OutboxRelay.class).get().purge();

        assertTrue(purged >= 1, "the relay deleted the old event");
        assertEquals(0, count("message_key = ?1 and message_key <> ?2", old, ""), "sent past the retention: deleted");
        assertEquals(1, count("message_key = ?1 and message_key <> ?2", recent, ""), "sent within the retention: kept");
    }

    static long count(String where, String a, String b) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_event where " + where)
                                .setParameter(1, a)
                                .setParameter(2, b)
                                .getSingleResult())
                        .longValue());
    }

    static void update(String sql, String key) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(sql).setParameter(1, key).executeUpdate());
    }
}
