package org.confide.records.notice.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.notice.Notice;
import org.confide.records.notice.NoticeStatus;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /**
     * The oldest due pending notice, locked for this transaction; one a concurrent worker holds is skipped, so each
     * notice is tried by one worker at a time (the outbox relay's way, platform outbox).
     */
    @SuppressWarnings("unchecked")
    public Optional<Notice> lockNextDue(OffsetDateTime now) {
        List<Notice> rows = getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM notice WHERE status = 'PENDING' AND next_attempt_at <= ?1 "
                                + "ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                        Notice.class)
                .setParameter(1, now)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** A page of notices of a referrer's ({@code referrer}) or a provider's ({@code !referrer}) organisation. */
    public List<Notice> page(boolean referrer, String org, NoticeStatus status, TimeCursor after, int limit) {
        StringBuilder q = new StringBuilder(referrer ? "referrerOrg = :org" : "org = :org");
        Parameters p = Parameters.with("org", org);
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (after != null) {
            q.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
            p.and("afterAt", after.at()).and("afterId", after.id());
        }
        q.append(" order by createdAt, id");
        return find(q.toString(), p).page(0, limit).list();
    }
}
