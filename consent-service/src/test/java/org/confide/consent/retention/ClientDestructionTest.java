package org.confide.consent.retention;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEventsMentioning;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.platform.crypto.ClientKeys;
import org.confide.platform.crypto.FieldCipher;
import org.confide.testing.Destruction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientDestructionTest {

    static final String ORG = "org-destroy";
    static final String MARKER = "Zq7-marker-";

    /** One stored ciphertext, as a backup copy of the consent database holds it. */
    record Copied(String field, byte[] bytes) {}

    @Test
    @DisplayName(
            "R-REC-3: consent and capacity free text is stored only as ciphertext, and once the client is destroyed it is gone, a backup taken before included")
    void destroyedBeyondRecovery() {
        String client = knownClient(ORG, "prac-d");
        String consent = as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP", "name": "%srecipient"}, "categories": ["CASE_NOTES"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true, "evidenceRef": "%sevidence"}""".formatted(client, MARKER, MARKER))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", ORG, "m1")
                .body("{\"reason\": \"" + MARKER + "withdrawal\"}")
                .post("/consents/" + consent + "/withdraw")
                .then()
                .statusCode(200);
        String assessment = as("practitioner", ORG, "prac-d")
                .body("""
                        {"clientId": "%s", "matter": "OTHER", "hasCapacity": true, "reasons": "%scapacity"}""".formatted(client, MARKER))
                .post("/capacity-assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Readable through the API while the client exists (so what follows is not vacuous) ...
        as("manager", ORG, "m1")
                .get("/consents/" + consent)
                .then()
                .statusCode(200)
                .body("recipient.name", equalTo(MARKER + "recipient"))
                .body("evidenceRef", equalTo(MARKER + "evidence"))
                .body("history[1].reason", equalTo(MARKER + "withdrawal"));
        as("manager", ORG, "m1")
                .get("/capacity-assessments/" + assessment)
                .then()
                .statusCode(200)
                .body("reasons", equalTo(MARKER + "capacity"));
        // ... but no table, column or event of the service holds it in plain text.
        assertEquals(List.of(), Destruction.columnsHolding(MARKER), "columns holding the marker in plain text");
        assertEquals(List.of(), outboxEventsMentioning(MARKER));

        List<Copied> backup = backup(client);
        assertEquals(4, backup.size());
        UUID id = UUID.fromString(client);
        ClientKeys keys = Arc.container().instance(ClientKeys.class).get();
        assertEquals(
                MARKER + "capacity",
                keys.open(id, "capacity.reasons", backup.getLast().bytes()),
                "before destruction the backup decrypts");

        Destruction.destroy(ORG, client);

        as("manager", ORG, "m1")
                .get("/consents/" + consent)
                .then()
                .statusCode(200)
                .body("recipient.name", nullValue())
                .body("evidenceRef", nullValue())
                .body("history[1].reason", nullValue())
                .body("status", equalTo("WITHDRAWN"))
                .body("recipient.type", equalTo("GP"));
        as("manager", ORG, "m1")
                .get("/capacity-assessments/" + assessment)
                .then()
                .statusCode(200)
                .body("reasons", nullValue())
                .body("hasCapacity", equalTo(true));
        assertEquals(List.of(), backup(client), "the live rows hold no ciphertext of the client any more");
        for (Copied c : backup) {
            assertThrows(
                    FieldCipher.Unreadable.class,
                    () -> keys.open(id, c.field(), c.bytes()),
                    c.field() + " of the backup still decrypts");
        }
        // Nothing new is sealed for a destroyed client: no key is made for it again.
        as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP", "name": "again"}, "categories": ["CASE_NOTES"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true}""".formatted(client))
                .post("/consents")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REC-3"));
        assertTrue(backup(client).isEmpty());
    }

    /** Every ciphertext of the client, copied out of the database as a dump would. */
    @SuppressWarnings("unchecked")
    static List<Copied> backup(String client) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Copied> copied = new ArrayList<>();
            for (Object[] r : (List<Object[]>)
                    em.createNativeQuery("select recipient_name, evidence_ref from consent where client_id = ?1")
                            .setParameter(1, client)
                            .getResultList()) {
                if (r[0] != null) copied.add(new Copied("consent.recipientName", (byte[]) r[0]));
                if (r[1] != null) copied.add(new Copied("consent.evidenceRef", (byte[]) r[1]));
            }
            for (Object r : em.createNativeQuery(
                            "select h.reason from consent_history h join consent c on c.id = h.consent_id "
                                    + "where c.client_id = ?1 and h.reason is not null")
                    .setParameter(1, client)
                    .getResultList()) {
                copied.add(new Copied("consent.reason", (byte[]) r));
            }
            for (Object r : em.createNativeQuery(
                            "select reasons from capacity_assessment where client_id = ?1 and reasons is not null")
                    .setParameter(1, client)
                    .getResultList()) {
                copied.add(new Copied("capacity.reasons", (byte[]) r));
            }
            return copied;
        });
    }
}
