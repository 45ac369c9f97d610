package org.confide.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The remembered first responses, each key reserved before its request runs so that two racing requests cannot both act. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class IdempotencyStore {

    /** How long a key is remembered (API.md: 24 h). */
    static final String TTL = "24 hours";

    public sealed interface Outcome permits Reserved, Replay, Mismatch, InProgress {
    }

    public record Reserved() implements Outcome {
    }

    public record Replay(int status, String body, String location) implements Outcome {
    }

    public record Mismatch() implements Outcome {
    }

    public record InProgress() implements Outcome {
    }

    @Inject
    EntityManager em;

    public Outcome reserve(String org, String key, String route, String requestHash) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE org = ?1 AND idem_key = ?2 AND route = ?3 "
                        + "AND (created_at < now() - interval '" + TTL + "' "
                        // a reservation whose request died before completing must not block the key for a day
                        + "OR (status IS NULL AND created_at < now() - interval '5 minutes'))")
                .setParameter(1, org).setParameter(2, key).setParameter(3, route).executeUpdate();
        int inserted = em.createNativeQuery("INSERT INTO idempotency_key (org, idem_key, route, request_hash) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, org).setParameter(2, key).setParameter(3, route).setParameter(4, requestHash)
                .executeUpdate();
        if (inserted == 1) {
            return new Reserved();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, response_body, location FROM idempotency_key "
                        + "WHERE org = ?1 AND idem_key = ?2 AND route = ?3")
                .setParameter(1, org).setParameter(2, key).setParameter(3, route).getResultList();
        if (rows.isEmpty()) {
            return new InProgress(); // released by a failing request a moment ago: the caller may retry
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            return new Mismatch();
        }
        if (row[1] == null) {
            return new InProgress();
        }
        return new Replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
    }

    public void complete(String org, String key, String route, int status, String body, String location) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?4, response_body = ?5, location = ?6 "
                        + "WHERE org = ?1 AND idem_key = ?2 AND route = ?3")
                .setParameter(1, org).setParameter(2, key).setParameter(3, route)
                .setParameter(4, status).setParameter(5, body).setParameter(6, location).executeUpdate();
    }

    /** A request that failed leaves nothing behind: the key may be used again. */
    public void release(String org, String key, String route) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE org = ?1 AND idem_key = ?2 AND route = ?3 AND status IS NULL")
                .setParameter(1, org).setParameter(2, key).setParameter(3, route).executeUpdate();
    }
}
