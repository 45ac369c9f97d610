package org.confide.records.partner.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.partner.AcceptedPartner;

@ApplicationScoped
public class AcceptedPartnerRepository implements PanacheRepositoryBase<AcceptedPartner, UUID> {

    /** The partner organisations the org accepts referrals from, in name order. */
    public List<String> of(String org) {
        return getEntityManager()
                .createQuery(
                        "select p.partnerOrg from AcceptedPartner p where p.org = :org" + " order by p.partnerOrg",
                        String.class)
                .setParameter("org", org)
                .getResultList();
    }

    /** R-REF-1: whether the org accepts referrals from this partner (the unique key's index). */
    public boolean accepts(String org, String partnerOrg) {
        return count("org = ?1 and partnerOrg = ?2", org, partnerOrg) > 0;
    }

    /** The org's list becomes exactly these partners (already checked and without duplicates). */
    public void replace(String org, List<String> partnerOrgs, String by, OffsetDateTime at) {
        // A bulk delete runs at once, before the inserts are flushed, so re-listing a partner does not hit the unique
        // key.
        delete("org", org);
        for (String partner : partnerOrgs) {
            AcceptedPartner p = new AcceptedPartner();
            p.id = UUID.randomUUID();
            p.org = org;
            p.partnerOrg = partner;
            p.acceptedAt = at;
            p.acceptedBy = by;
            persist(p);
        }
    }
}
