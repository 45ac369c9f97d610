package org.confide.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.confide.events.RecordsEvents;

/** R-REC-3 in the tests of a service with the allocation copy: a client's destruction, and a sweep of its database. */
public final class Destruction {

    private Destruction() {}

    /** records-service says the client was destroyed (client.destroyed on records-events); waits until it is applied. */
    public static void destroy(String org, String clientId) {
        ServiceFixtures.publish(org, List.of(new RecordsEvents.ClientDestroyed(clientId, Instant.now(), "R-REC-3")));
        // A native query: this module's classes are not enhanced, so they cannot read Panache entity fields.
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        ServiceFixtures.await(
                "client destroyed",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> !em.createNativeQuery(
                                        "select 1 from client_allocation where org = ?1 and client_id = ?2 and status = 'DESTROYED'")
                                .setParameter(1, org)
                                .setParameter(2, clientId)
                                .getResultList()
                                .isEmpty()));
    }

    /** Every {@code table.column} of the service's database, text or binary, whose value holds {@code marker} as it is. */
    @SuppressWarnings("unchecked")
    public static List<String> columnsHolding(String marker) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = em.createNativeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = current_schema() and data_type in ('text', 'character varying', 'bytea', 'json', 'jsonb')""").getResultList();
            List<String> found = new ArrayList<>();
            for (Object[] c : columns) {
                String column = "\"" + c[1] + "\"";
                String where = "bytea".equals(c[2])
                        ? "position(cast(?1 as bytea) in " + column + ") > 0"
                        : "strpos(cast(" + column + " as text), ?1) > 0";
                Object param = "bytea".equals(c[2]) ? marker.getBytes(StandardCharsets.UTF_8) : marker;
                Number n = (Number) em.createNativeQuery("select count(*) from \"" + c[0] + "\" where " + where)
                        .setParameter(1, param)
                        .getSingleResult();
                if (n.longValue() > 0) found.add(c[0] + "." + c[1]);
            }
            return found;
        });
    }
}
