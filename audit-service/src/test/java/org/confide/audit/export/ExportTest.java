package org.confide.audit.export;

import static io.restassured.RestAssured.given;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.flush;
import static org.confide.audit.AuditTestSupport.sendAsync;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.confide.audit.chain.rule.CanonicalJson;
import org.confide.auditlog.tree.MerkleTree;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest {

    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper mapper = new ObjectMapper();

    static String sendN(int n) throws Exception {
        String org = "org-export-" + UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            String client = UUID.randomUUID().toString();
            sendAsync(
                    "consent-events",
                    client,
                    event(
                            UUID.randomUUID().toString(),
                            org,
                            "consent-service",
                            "consent.granted",
                            client,
                            "prac-" + (i % 3),
                            "practitioner",
                            "corr-" + i,
                            "{\"clientId\":\"" + client + "\",\"scope\":\"LETTER,REFERRAL\",\"count\":" + i + "}"));
        }
        flush();
        await(n + " entries in a checkpoint", () -> treeSizeOf(org) == n);
        return org;
    }

    @Test
    @DisplayName(
            "docs/api.md Hashing: from the JSON Lines export alone an outsider recomputes every entry hash, every link and the signed Merkle root")
    void jsonLinesRecompute() throws Exception {
        int n = 2_345; // more than two chunks of the keyset reader
        String org = sendN(n);
        Response r = compliance(org).get("/audit/export?format=jsonl");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("application/jsonl"), r.contentType());
        assertEquals("chunked", r.header("Transfer-Encoding"), "streamed, not built in memory");
        String[] lines = r.asString().split("\n");
        assertEquals(n, lines.length);
        String prev = "0".repeat(64);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            ObjectNode entry = (ObjectNode) mapper.readTree(lines[i]);
            assertEquals(i + 1, entry.get("seq").asLong());
            assertEquals(prev, entry.get("prevHash").asText(), "link of " + (i + 1));
            String hash = entry.remove("hash").asText();
            entry.remove("prevHash");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HEX.parseHex(prev));
            sha.update(CanonicalJson.of(entry).getBytes(StandardCharsets.UTF_8));
            assertEquals(hash, HEX.formatHex(sha.digest()), "hash of " + (i + 1));
            leaves.add(MerkleTree.leafHash(HEX.parseHex(hash)));
            prev = hash;
        }
        String root = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .extract()
                .path("rootHash");
        assertEquals(root, HEX.formatHex(MerkleTree.root(leaves)));
    }

    @Test
    @DisplayName("the CSV export has a header and one RFC 4180 record per entry; seq and time filters narrow it")
    void csvAndFilters() throws Exception {
        String org = sendN(5);
        Response r = compliance(org).get("/audit/export?format=csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        String[] records = r.asString().split("\r\n");
        assertEquals(6, records.length);
        assertEquals(
                "seq,eventId,type,occurredAt,recordedAt,org,actorId,actorRole,clientId,correlationId,source,data,prevHash,hash",
                records[0]);
        assertTrue(records[1].startsWith("1,"), records[1]);
        assertTrue(records[1].contains(",\"{\"\"clientId\"\":"), "the data column is quoted JSON: " + records[1]);
        String jsonl = compliance(org)
                .get("/audit/export?format=jsonl&fromSeq=2&toSeq=4")
                .asString();
        List<Long> seqs = jsonl.lines().map(l -> read(l).get("seq").asLong()).toList();
        assertEquals(List.of(2L, 3L, 4L), seqs);
        assertEquals(
                0,
                compliance(org)
                        .get("/audit/export?from=2030-01-01T00:00:00Z")
                        .asString()
                        .length());
        assertEquals(
                5,
                compliance(org)
                        .get("/audit/export?from=2026-11-22T10:00:00Z&to=2026-11-22T11:00:00Z")
                        .asString()
                        .lines()
                        .count());
        compliance(org)
                .get("/audit/export?format=xml")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("format"));
        compliance(org).get("/audit/export?from=yesterday").then().statusCode(400);
        assertEquals(
                0,
                compliance("org-other-" + UUID.randomUUID())
                        .get("/audit/export")
                        .asString()
                        .length(),
                "another organisation exports nothing of this one");
        given().auth()
                .oauth2(Tokens.token("manager", org, "m"))
                .get("/audit/export")
                .then()
                .statusCode(403);
    }

    private JsonNode read(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
