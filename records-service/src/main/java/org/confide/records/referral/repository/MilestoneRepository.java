package org.confide.records.referral.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.paging.TimeCursor;
import org.confide.records.referral.Milestone;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    public List<Milestone> ofClient(UUID clientId) {
        return list("clientId = ?1 order by at, id", clientId);
    }

    public List<Milestone> ofReferral(UUID referralId) {
        return list("referralId = ?1 order by at, id", referralId);
    }

    /** A page of a referrer's notices in time order (index milestone_referrer). */
    public List<Milestone> notices(
            String referrerOrg, UUID referralId, OffsetDateTime since, TimeCursor after, int limit) {
        StringBuilder q = new StringBuilder("referrerOrg = :org");
        Parameters p = Parameters.with("org", referrerOrg);
        if (referralId != null) {
            q.append(" and referralId = :referral");
            p.and("referral", referralId);
        }
        if (since != null) {
            q.append(" and at >= :since");
            p.and("since", since);
        }
        if (after != null) {
            q.append(" and (at > :afterAt or (at = :afterAt and id > :afterId))");
            p.and("afterAt", after.at()).and("afterId", after.id());
        }
        q.append(" order by at, id");
        return find(q.toString(), p).page(0, limit).list();
    }
}
