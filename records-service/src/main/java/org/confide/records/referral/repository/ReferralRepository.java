package org.confide.records.referral.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.referral.Referral;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** A referral made by the caller's organisation; another's is simply absent (R-REF-1). */
    public Optional<Referral> ofReferrer(String referrerOrg, UUID id) {
        return find("referrerOrg = ?1 and id = ?2", referrerOrg, id).firstResultOptional();
    }
}
