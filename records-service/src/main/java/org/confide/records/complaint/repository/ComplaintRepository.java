package org.confide.records.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.complaint.Complaint;
import org.confide.records.complaint.ComplaintStatus;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    public Optional<Complaint> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /** A page of one client's complaints in filing order (index complaint_client). */
    public List<Complaint> pageOfClient(UUID clientId, TimeCursor after, int limit) {
        if (after == null) {
            return find("clientId = ?1 order by createdAt, id", clientId)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "clientId = :client and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                        Parameters.with("client", clientId)
                                .and("at", after.at())
                                .and("id", after.id()))
                .page(0, limit)
                .list();
    }

    /** A page of the organisation's complaints, optionally of one status, in filing order (complaint_org, complaint_org_status). */
    public List<Complaint> pageOfOrg(String org, ComplaintStatus status, TimeCursor after, int limit) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters p = Parameters.with("org", org);
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (after != null) {
            q.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            p.and("at", after.at()).and("id", after.id());
        }
        return find(q.append(" order by createdAt, id").toString(), p)
                .page(0, limit)
                .list();
    }

    public List<Complaint> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt, id", clientId);
    }

    /** R-REC-3: the client's words go with the client; the codes and dates of their complaints stay. */
    public void destroyed(UUID clientId) {
        update("text = null where clientId = ?1", clientId);
    }
}
