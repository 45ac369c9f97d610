package org.confide.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.confide.testing.ServiceFixtures;

/** What the consent tests share: the common fixtures, consent-events, and moving a consent's end date. */
public final class Fixtures extends ServiceFixtures {

    private Fixtures() {
    }

    /** The events about {@code clientId} that reached consent-events, once {@code expected} of them have. */
    public static List<JsonNode> topicEvents(String clientId, int expected) {
        return topicEvents("consent-events", clientId, expected);
    }

    /** Moves a consent's end date (to test what happens once it has passed without waiting for it). */
    public static void setValidUntil(String consentId, String rfc3339) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update consent set valid_until = cast(?1 as timestamptz) where id = cast(?2 as uuid)")
                .setParameter(1, rfc3339).setParameter(2, consentId).executeUpdate());
    }
}
