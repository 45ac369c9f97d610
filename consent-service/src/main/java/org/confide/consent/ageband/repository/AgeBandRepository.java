package org.confide.consent.ageband.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.confide.consent.ageband.ClientAgeBand;
import org.confide.events.age.ConsentAgeBand;

@ApplicationScoped
public class AgeBandRepository implements PanacheRepositoryBase<ClientAgeBand, String> {

    /** The client's band in {@code org}; UNKNOWN when records-service has not told this service one. */
    public String bandOf(String org, String clientId) {
        return find("org = ?1 and clientId = ?2", org, clientId)
                .firstResultOptional()
                .map(b -> b.band)
                .orElse(ConsentAgeBand.UNKNOWN);
    }

    /** The latest band wins (events of one client arrive in order: key = client id). */
    public void set(String org, String clientId, String band, OffsetDateTime at) {
        getEntityManager()
                .createNativeQuery("insert into client_age_band (client_id, org, band, updated_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict (client_id) do update set band = excluded.band, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, clientId)
                .setParameter(2, org)
                .setParameter(3, band)
                .setParameter(4, at)
                .executeUpdate();
    }

    /** R-REC-3: nothing of a destroyed client is kept, its band included. */
    public void forget(String org, String clientId) {
        delete("org = ?1 and clientId = ?2", org, clientId);
    }
}
