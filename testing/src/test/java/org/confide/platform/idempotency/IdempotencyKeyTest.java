package org.confide.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.confide.platform.PlatformTests.await;
import static org.confide.platform.PlatformTests.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.confide.platform.testapp.WidgetResource;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md "Headers": the same key and body within 24 h answer the first response again (same id, same status); a
 * request with the key still running is 409. Whatever the timing, a key makes one write.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String ORG = "org-idem";

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void letGo() {
        WidgetResource.release.countDown();
        WidgetResource.failNext = false;
    }

    private static Response post(String key, String name) {
        return given().auth()
                .oauth2(Tokens.token("practitioner", ORG, "prac-1"))
                .contentType(ContentType.JSON)
                .header(IdempotencyInterceptor.HEADER, key)
                .body("{\"name\": \"" + name + "\"}")
                .post("/platform-test/widgets");
    }

    private static long widgets(String name) {
        return count("select count(*) from widget where name = ?", name);
    }

    @Test
    @DisplayName(
            "Idempotency-Key: a second request with the key while the first runs is 409 and writes nothing; afterwards the key replays the first id, status and Location")
    void secondWhileFirstRuns() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String name = "widget-" + UUID.randomUUID();
        WidgetResource.written = new CountDownLatch(1);
        WidgetResource.release = new CountDownLatch(1);
        int before = WidgetResource.ran.get();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(key, name), callers);
        assertTrue(WidgetResource.written.await(60, TimeUnit.SECONDS), "the first request never ran");

        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> post(key, name), callers);
        // Either it is answered, or it ran too and now waits inside: let the first go only then.
        await("the second request answered or running", () -> second.isDone() || WidgetResource.ran.get() > before + 1);
        WidgetResource.release.countDown();

        Response concurrent = second.get(60, TimeUnit.SECONDS);
        assertEquals(409, concurrent.statusCode(), "the second request, while the first ran: " + concurrent.asString());
        assertEquals("application/problem+json", concurrent.contentType());
        Response created = first.get(60, TimeUnit.SECONDS);
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");

        Response replay = post(key, name);
        assertEquals(201, replay.statusCode(), replay.asString());
        assertEquals(id, replay.path("id"));
        assertEquals(created.header("Location"), replay.header("Location"));
        assertEquals(1, WidgetResource.ran.get() - before, "requests that ran");
        assertEquals(1, widgets(name));
    }

    @Test
    @DisplayName(
            "Idempotency-Key: requests racing with one key make one widget; each answer is the first's 201 with its id, or 409")
    void race() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String name = "widget-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return post(key, name);
                    },
                    callers));
        }
        start.countDown();
        Set<String> ids = new TreeSet<>();
        int created = 0;
        for (CompletableFuture<Response> call : calls) {
            Response r = call.get(60, TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 201) {
                created++;
                ids.add(r.path("id"));
            }
        }
        assertTrue(created >= 1, "no request was answered 201");
        assertEquals(1, ids.size(), "ids answered: " + ids);
        assertEquals(1, widgets(name));
    }

    @Test
    @DisplayName(
            "Idempotency-Key: a request that failed leaves nothing and the key free; the retry runs and is then replayed")
    void failedRequestFreesKey() {
        String key = "key-" + UUID.randomUUID();
        String name = "widget-" + UUID.randomUUID();
        WidgetResource.failNext = true;
        assertEquals(500, post(key, name).statusCode());
        assertEquals(0, widgets(name));
        Response retry = post(key, name);
        assertEquals(201, retry.statusCode(), retry.asString());
        assertEquals(retry.path("id"), (String) post(key, name).path("id"));
        assertEquals(1, widgets(name));
    }
}
