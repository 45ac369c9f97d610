package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.group.PeerGroup;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<PeerGroup, UUID> {

    /** A group of the caller's organisation; another organisation's group is simply absent. */
    public Optional<PeerGroup> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /** As {@link #findInOrg}, locked: membership changes of one group are serialised (one current membership each). */
    public Optional<PeerGroup> lockInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
