package org.confide.records.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.paging.TimeCursor;
import org.confide.records.supervision.SupervisionAgreement;

@ApplicationScoped
public class SupervisionAgreementRepository implements PanacheRepositoryBase<SupervisionAgreement, UUID> {

    public Optional<SupervisionAgreement> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /** The standing agreements of this supervisor in the org (what the supervision view asks, R-CONF-5). */
    public List<SupervisionAgreement> standingOf(String org, String supervisorId) {
        return list("org = ?1 and supervisorId = ?2 and endedAt is null", org, supervisorId);
    }

    /** The standing agreements with this practitioner (a client's file says whether their work may be supervised now). */
    public boolean practitionerSupervised(String org, String practitionerId) {
        return count("org = ?1 and practitionerId = ?2 and endedAt is null", org, practitionerId) > 0;
    }

    public boolean standing(String org, String supervisorId, String practitionerId) {
        return count(
                        "org = ?1 and supervisorId = ?2 and practitionerId = ?3 and endedAt is null",
                        org,
                        supervisorId,
                        practitionerId)
                > 0;
    }

    /** A page of the org's agreements, oldest first; each filter optional. */
    public List<SupervisionAgreement> page(
            String org, String supervisorId, String practitionerId, Boolean active, TimeCursor after, int limit) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters p = Parameters.with("org", org);
        if (supervisorId != null) {
            q.append(" and supervisorId = :sup");
            p = p.and("sup", supervisorId);
        }
        if (practitionerId != null) {
            q.append(" and practitionerId = :prac");
            p = p.and("prac", practitionerId);
        }
        if (active != null) q.append(active ? " and endedAt is null" : " and endedAt is not null");
        if (after != null) {
            q.append(" and (startedAt > :at or (startedAt = :at and id > :id))");
            p = p.and("at", after.at()).and("id", after.id());
        }
        return find(q + " order by startedAt, id", p).page(0, limit).list();
    }
}
