package org.confide.disclosure.retention;

import static org.confide.disclosure.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.disclosure.Fixtures;
import org.confide.platform.crypto.ClientKeys;
import org.confide.platform.crypto.FieldCipher;
import org.confide.testing.Destruction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientDestructionTest {

    static final String ORG = "org-destroy";
    static final String M = "Kx4-marker-";

    /** One stored ciphertext, as a backup copy of the disclosure database holds it. */
    record Copied(String field, byte[] bytes) {}

    @Test
    @DisplayName(
            "R-REC-3: a case's summary, names, reasons, rationale and notes are stored only as ciphertext, and once the client is destroyed they are gone, a backup taken before included; codes stay")
    void destroyedBeyondRecovery() {
        String client = Fixtures.knownClient(ORG, "p1");
        String id = as("practitioner", ORG, "p1")
                .body("""
                        {"clientId":"%s","grounds":["RISK_TO_OTHERS"],"immediacy":"SERIOUS","context":"GROUP_SESSION",
                         "summary":"%ssummary","proposedRecipients":[{"type":"POLICE","name":"%srecipient"},{"type":"GP"}],
                         "categories":["RISK_INFORMATION"]}""".formatted(client, M, M))
                .post("/disclosures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String base = "/disclosures/" + id;
        as("practitioner", ORG, "p1")
                .body("{\"informed\":false,\"response\":\"NOT_INFORMED_RISK\",\"reason\":\"" + M + "reason\"}")
                .post(base + "/client-involvement")
                .then()
                .statusCode(200);
        as("practitioner", ORG, "p1")
                .body("{\"consultedRole\":\"MANAGER\",\"consultedId\":\"m2\",\"advice\":\"SUPPORT\"," + "\"note\":\""
                        + M + "consultation\"}")
                .post(base + "/consultations")
                .then()
                .statusCode(201);
        as("manager", ORG, "m1")
                .body("{\"decision\":\"APPROVED\",\"rationale\":\"" + M
                        + "rationale\",\"lawfulBasis\":\"VITAL_INTERESTS\"}")
                .post(base + "/decision")
                .then()
                .statusCode(200);
        as("practitioner", ORG, "p1")
                .body("{\"recipientType\":\"POLICE\",\"recipientName\":\"" + M
                        + "sharedwith\",\"method\":\"SECURE_PORTAL\"," + "\"categories\":[\"RISK_INFORMATION\"]}")
                .post(base + "/shares")
                .then()
                .statusCode(200);
        as("practitioner", ORG, "p1")
                .body("{\"supportOffered\":true,\"clientInformedOfOutcome\":false,\"note\":\"" + M + "followup\"}")
                .post(base + "/follow-up")
                .then()
                .statusCode(200);

        // Readable through the API while the client exists (so what follows is not vacuous) ...
        as("manager", ORG, "m1")
                .get(base)
                .then()
                .statusCode(200)
                .body("summary", equalTo(M + "summary"))
                .body("proposedRecipients[0].name", equalTo(M + "recipient"))
                .body("assessment.recipients[0].name", equalTo(M + "recipient"))
                .body("clientInvolvements[0].reason", equalTo(M + "reason"))
                .body("consultations[0].note", equalTo(M + "consultation"))
                .body("decision.rationale", equalTo(M + "rationale"))
                .body("shares[0].recipientName", equalTo(M + "sharedwith"))
                .body("followUp.note", equalTo(M + "followup"));
        // ... but no table, column or event of the service holds any of it in plain text.
        assertEquals(List.of(), Destruction.columnsHolding(M), "columns holding the marker in plain text");
        assertFalse(Fixtures.caseEvents(id).toString().contains(M), "no free text in events");

        List<Copied> backup = backup(client);
        assertEquals(8, backup.size(), "summary, recipients, assessment and five steps with text");
        UUID key = UUID.fromString(client);
        ClientKeys keys = Arc.container().instance(ClientKeys.class).get();
        assertEquals(
                M + "summary",
                keys.open(key, "case.summary", backup.getFirst().bytes()),
                "before destruction the backup decrypts");

        Destruction.destroy(ORG, client);

        as("manager", ORG, "m1")
                .get(base)
                .then()
                .statusCode(200)
                .body("summary", nullValue())
                .body("proposedRecipients[0].name", nullValue())
                .body("proposedRecipients[0].type", equalTo("POLICE"))
                .body("assessment.recipients[0].name", nullValue())
                .body("assessment.outcome", equalTo("JUSTIFIED"))
                .body("clientInvolvements[0].reason", nullValue())
                .body("clientInvolvements[0].response", equalTo("NOT_INFORMED_RISK"))
                .body("consultations[0].note", nullValue())
                .body("consultations[0].consultedId", equalTo("m2"))
                .body("decision.rationale", nullValue())
                .body("decision.decision", equalTo("APPROVED"))
                .body("shares[0].recipientName", nullValue())
                .body("followUp.note", nullValue())
                .body("status", equalTo("FOLLOWED_UP"));
        assertEquals(List.of(), backup(client), "the live rows hold no ciphertext of the client any more");
        for (Copied c : backup) {
            assertThrows(
                    FieldCipher.Unreadable.class,
                    () -> keys.open(key, c.field(), c.bytes()),
                    c.field() + " of the backup still decrypts");
        }
    }

    /** Every ciphertext of the client, copied out of the database as a dump would. */
    @SuppressWarnings("unchecked")
    static List<Copied> backup(String client) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Copied> copied = new ArrayList<>();
            for (Object[] r :
                    (List<Object[]>) em.createNativeQuery("select summary, recipients_sealed, assessment_sealed "
                                    + "from disclosure_case where client_id = ?1")
                            .setParameter(1, client)
                            .getResultList()) {
                if (r[0] != null) copied.add(new Copied("case.summary", (byte[]) r[0]));
                if (r[1] != null) copied.add(new Copied("case.recipients", (byte[]) r[1]));
                if (r[2] != null) copied.add(new Copied("case.assessment", (byte[]) r[2]));
            }
            for (Object r : em.createNativeQuery(
                            "select s.data_sealed from disclosure_step s join disclosure_case c on c.id = s.case_id "
                                    + "where c.client_id = ?1 and s.data_sealed is not null order by s.id")
                    .setParameter(1, client)
                    .getResultList()) {
                copied.add(new Copied("step.data", (byte[]) r));
            }
            return copied;
        });
    }
}
