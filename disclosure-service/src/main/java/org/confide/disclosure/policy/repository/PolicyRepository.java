package org.confide.disclosure.policy.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.confide.disclosure.policy.PolicyVersion;

/** Policy versions of an organisation; the latest is the one in force. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepository<PolicyVersion> {

    public Optional<PolicyVersion> latest(String org) {
        return find("org = ?1 order by version desc", org).firstResultOptional();
    }

    /** Serialises PUTs of one organisation so that versions are consecutive (held until the transaction ends). */
    public void lockOrg(String org) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('disclosure_policy:' || ?1))")
                .setParameter(1, org)
                .getSingleResult();
    }
}
