package org.confide.audit.tiles;

import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.audit.TlogTestSupport;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.tiles.TileReader;
import org.confide.auditlog.tiles.Tiles;
import org.confide.auditlog.tree.MerkleTree;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the log served as C2SP tlog-tiles. A client that knows only the log's public keys reads the checkpoint,
 * the hash tiles and the entry bundles, recomputes every entry's hash and link and every leaf, and from the tiles the
 * signed root, without the query API.
 */
@QuarkusTest
class TilesServingTest {

    private static byte[] fetch(String org, String path) {
        Response r = compliance(org).get("/audit/log/" + org + "/" + path);
        assertEquals(200, r.statusCode(), path + ": " + r.asString());
        assertEquals("application/octet-stream", r.contentType(), path);
        return r.asByteArray();
    }

    @Test
    @DisplayName(
            "a tiles client recomputes entries, leaves and the signed root from the checkpoint, hash tiles (full, partial, level 1) and entry bundles")
    void tilesClientRecomputesTheLog() throws Exception {
        String org = "org-tiles-" + UUID.randomUUID();
        TlogTestSupport.sendMany(org, 300);
        await("a checkpoint of 300 entries", () -> treeSizeOf(org) == 300);

        Response cpr = compliance(org).get("/audit/log/" + org + "/checkpoint");
        assertEquals(200, cpr.statusCode());
        assertTrue(cpr.contentType().startsWith("text/plain"), cpr.contentType());
        String note = cpr.asString();
        String text = null;
        for (String k : TlogTestSupport.logKeys(org)) {
            if (text == null) text = SignedNote.open(note, SignedNote.parseVerifierKey(k));
        }
        assertNotNull(text, "the checkpoint opens with a key of GET /audit/keys");
        CheckpointText cp = CheckpointText.parse(text);
        assertEquals(300, cp.treeSize());

        List<String> fetched = new ArrayList<>();
        TileReader tiles = new TileReader(cp.treeSize(), path -> {
            fetched.add(path);
            return fetch(org, path);
        });
        assertArrayEquals(cp.rootHash(), tiles.hash(0, cp.treeSize()), "the signed root, from the hash tiles");
        assertTrue(fetched.containsAll(List.of("tile/1/000.p/1", "tile/0/001.p/44")), fetched.toString());

        // Entries: every bundle, each entry's hash recomputed and linked, its leaf the level 0 tile's.
        String prev = EntryHasher.GENESIS;
        EntryHasher hasher = new EntryHasher();
        List<byte[]> leaves = new ArrayList<>();
        for (Tiles.TilePath t : Tiles.tilesOf(cp.treeSize())) {
            if (t.level() != 0) continue;
            List<byte[]> bundle =
                    Tiles.unbundle(fetch(org, new Tiles.TilePath(Tiles.ENTRIES, t.index(), t.width()).path()));
            assertEquals(t.width(), bundle.size());
            for (byte[] json : bundle) {
                Tiles.BundleEntry e = Tiles.readEntry(json);
                assertEquals(leaves.size() + 1, e.entry().seq());
                assertEquals(prev, e.prevHash(), "entry " + e.entry().seq() + " links to the one before");
                assertEquals(
                        e.hash(),
                        hasher.hash(prev, e.entry()),
                        "entry " + e.entry().seq() + " hashes to its hash");
                byte[] leaf = MerkleTree.leafHash(java.util.HexFormat.of().parseHex(e.hash()));
                assertArrayEquals(leaf, tiles.node(0, leaves.size()), "leaf " + leaves.size() + " is the tile's");
                leaves.add(leaf);
                prev = e.hash();
            }
        }
        assertEquals(300, leaves.size());
        assertArrayEquals(cp.rootHash(), MerkleTree.root(leaves), "the signed root, from the entries alone");
    }

    @Test
    @DisplayName(
            "tiles: beyond the checkpoint 404, a malformed path 400, another organisation's log 404; compliance only")
    void errorsAndAccess() throws Exception {
        String org = "org-tiles-err-" + UUID.randomUUID();
        compliance(org)
                .get("/audit/log/" + org + "/checkpoint")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        TlogTestSupport.sendMany(org, 3);
        await("a checkpoint of 3 entries", () -> treeSizeOf(org) == 3);
        compliance(org).get("/audit/log/" + org + "/tile/0/000.p/3").then().statusCode(200);
        compliance(org)
                .get("/audit/log/" + org + "/tile/entries/000.p/3")
                .then()
                .statusCode(200);
        for (String beyond : List.of(
                "tile/0/000",
                "tile/0/000.p/4",
                "tile/0/001.p/1",
                "tile/1/000.p/1",
                "tile/entries/000.p/4",
                "tile/9/000.p/1")) {
            compliance(org)
                    .get("/audit/log/" + org + "/" + beyond)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        compliance(org)
                .get("/audit/log/" + org + "/tile/0/0.p/3")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        compliance("org-other-" + UUID.randomUUID())
                .get("/audit/log/" + org + "/checkpoint")
                .then()
                .statusCode(404);
        compliance("org-other-" + UUID.randomUUID())
                .get("/audit/log/" + org + "/tile/0/000.p/3")
                .then()
                .statusCode(404);
        RestAssured.given().get("/audit/log/" + org + "/checkpoint").then().statusCode(401);
        for (String role : List.of("practitioner", "manager", "admin", "client")) {
            RestAssured.given()
                    .auth()
                    .oauth2(Tokens.token(role, org, "x"))
                    .get("/audit/log/" + org + "/tile/0/000.p/3")
                    .then()
                    .statusCode(403);
        }
    }
}
