package org.confide.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.confide.testing.ServiceFixtures;

/** What the disclosure tests share: the common fixtures, disclosure-events, a case's events, raising a case. */
public final class Fixtures extends ServiceFixtures {

    private Fixtures() {}

    /** The events about {@code clientId} that reached disclosure-events, once {@code expected} of them have. */
    public static List<JsonNode> topicEvents(String clientId, int expected) {
        return topicEvents("disclosure-events", clientId, expected);
    }

    /** The events of one case (their correlation id is the case id), oldest first. */
    public static List<JsonNode> caseEvents(String caseId) {
        return outboxEventsMentioning(caseId).stream()
                .filter(e -> caseId.equals(e.path("correlationid").asText()))
                .toList();
    }

    /** Raises the case and returns its id. */
    public static String raise(String role, String org, String sub, String body) {
        return as(role, org, sub)
                .body(body)
                .post("/disclosures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
