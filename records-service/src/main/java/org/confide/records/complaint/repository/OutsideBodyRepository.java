package org.confide.records.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.complaint.OutsideBody;

@ApplicationScoped
public class OutsideBodyRepository implements PanacheRepositoryBase<OutsideBody, UUID> {

    /** The org's outside bodies in the order the admin listed them. */
    public List<OutsideBody> of(String org) {
        return list("org = ?1 order by position", org);
    }

    /** The org's list becomes exactly these (name, url) pairs, already checked. */
    public void replace(String org, List<String[]> bodies, String by, OffsetDateTime at) {
        // A bulk delete runs at once, before the inserts are flushed, so the (org, position) key is free again.
        delete("org", org);
        for (int i = 0; i < bodies.size(); i++) {
            OutsideBody b = new OutsideBody();
            b.id = UUID.randomUUID();
            b.org = org;
            b.position = i;
            b.name = bodies.get(i)[0];
            b.url = bodies.get(i)[1];
            b.setBy = by;
            b.setAt = at;
            persist(b);
        }
    }
}
