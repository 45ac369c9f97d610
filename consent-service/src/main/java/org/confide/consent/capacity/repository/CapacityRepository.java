package org.confide.consent.capacity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.consent.capacity.CapacityAssessment;
import org.confide.consent.capacity.Matter;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class CapacityRepository implements PanacheRepositoryBase<CapacityAssessment, UUID> {

    /** The latest assessment of a client for a matter (index capacity_latest). */
    public Optional<CapacityAssessment> latest(String org, String clientId, Matter matter) {
        return find("org = ?1 and clientId = ?2 and matter = ?3 order by assessedAt desc", org, clientId, matter)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .firstResultOptional();
    }

    /** A client's assessments, newest first. */
    public List<CapacityAssessment> ofClient(String org, String clientId) {
        return find("org = ?1 and clientId = ?2 order by assessedAt desc", org, clientId)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    /** R-CONS-5: whether the latest INFORMATION_SHARING assessment says the client lacks capacity (none: presumed to have it). */
    public boolean lacksInformationSharingCapacity(String org, String clientId) {
        return latest(org, clientId, Matter.INFORMATION_SHARING)
                .map(a -> !a.hasCapacity)
                .orElse(false);
    }
}
