package org.confide.audit;

import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.flush;
import static org.confide.audit.AuditTestSupport.sendAsync;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the tests of issue 21 (a log others can check) share. */
public final class TlogTestSupport {

    private TlogTestSupport() {}

    /** Sends n record.accessed events of a new client each to the organisation's log. */
    public static void sendMany(String org, int n) {
        for (int i = 0; i < n; i++) {
            String client = UUID.randomUUID().toString();
            sendAsync(
                    "records-events",
                    client,
                    event(
                            UUID.randomUUID().toString(),
                            org,
                            "records-service",
                            "record.accessed",
                            client,
                            "prac-1",
                            "practitioner",
                            "t-" + i,
                            "{\"clientId\":\"" + client + "\",\"purposeOfUse\":\"CARE\"}"));
        }
        flush();
    }

    /** The organisation's log keys (verifier keys), in the order they take over, as GET /audit/keys lists them. */
    public static List<String> logKeys(String org) {
        List<Map<String, Object>> keys = compliance(org)
                .get("/audit/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return keys.stream().map(k -> (String) k.get("publicKey")).toList();
    }
}
