package org.confide.platform.outbox;

import static org.confide.platform.PlatformTests.TOPIC;
import static org.confide.platform.PlatformTests.await;
import static org.confide.platform.PlatformTests.column;
import static org.confide.platform.PlatformTests.count;
import static org.confide.platform.PlatformTests.emit;
import static org.confide.platform.PlatformTests.note;
import static org.confide.platform.PlatformTests.snapshot;
import static org.confide.platform.PlatformTests.unsent;
import static org.confide.platform.PlatformTests.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.confide.platform.PlatformTests;
import org.confide.platform.auth.Actor;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.problem.ProblemException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Group commit (consent decisions): a request is answered only once its event is committed, the requests that wait
 * meanwhile share the next transaction, and a group the database refuses is refused to every request in it.
 */
@QuarkusTest
class OutboxGroupCommitTest {

    private static final Actor ACTOR = new Actor("tester", "practitioner", "org-platform");

    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    private static OutboxGroupCommit groupCommit() {
        return Arc.container().instance(OutboxGroupCommit.class).get();
    }

    private static OutboxEvent row(String label) {
        return Arc.container()
                .instance(Outbox.class)
                .get()
                .row(note(label, UUID.randomUUID().toString(), 0), ACTOR, null);
    }

    /** Requests handed to the writer and not yet taken into a group. */
    private static int queued() throws Exception {
        Field f = OutboxGroupCommit.class.getDeclaredField("queue");
        f.setAccessible(true);
        return ((java.util.Collection<?>) f.get(ClientProxy.unwrap(groupCommit()))).size();
    }

    private CompletableFuture<CloudEvent> write(OutboxEvent row) {
        return CompletableFuture.supplyAsync(() -> groupCommit().write(row), requests);
    }

    /** The transaction that wrote the row. */
    private static String tx(OutboxEvent row) {
        return column("select tx::text from outbox_insert_tx where event_id = ?", row.eventId)
                .getFirst();
    }

    @Test
    @DisplayName(
            "a request is answered only once its event is committed; the requests that arrive meanwhile share the next transaction; every event is published once")
    void answersAfterCommitInGroups() throws Exception {
        OutboxEvent held = row("hold-insert");
        List<OutboxEvent> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) rows.add(row("grouped"));
        List<CompletableFuture<CloudEvent>> answers = new ArrayList<>();
        CompletableFuture<CloudEvent> first;
        try (Connection lock = PlatformTests.dataSource().getConnection();
                Statement st = lock.createStatement()) {
            st.execute("select pg_advisory_lock(4242)");
            try {
                first = write(held);
                await("the writer inside the first group's insert", () -> waiting() >= 1);
                rows.forEach(r -> answers.add(write(r)));
                await("the other requests waiting for the writer", () -> {
                    try {
                        return queued() == rows.size();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertFalse(first.isDone(), "answered before its event was committed");
                assertTrue(
                        answers.stream().noneMatch(CompletableFuture::isDone),
                        "answered before its event was committed");
            } finally {
                st.execute("select pg_advisory_unlock(4242)");
            }
        }
        assertEquals(held.event.id(), first.get(60, TimeUnit.SECONDS).id());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(
                    rows.get(i).event.id(),
                    answers.get(i).get(60, TimeUnit.SECONDS).id());
            assertEquals(
                    rows.get(i).payload,
                    column("select payload from outbox_event where event_id = ?", rows.get(i).eventId)
                            .getFirst());
        }
        assertEquals(
                1,
                rows.stream().map(OutboxGroupCommitTest::tx).distinct().count(),
                "transactions of the waiting requests");
        assertFalse(tx(held).equals(tx(rows.getFirst())), "the held request's transaction took the later ones too");

        List<String> ids = new ArrayList<>(rows.stream().map(r -> r.event.id()).toList());
        ids.add(held.event.id());
        await("all published and marked sent", () -> unsent(ids) == 0);
        Map<String, Long> copies = new java.util.HashMap<>();
        snapshot(TOPIC)
                .forEach(r -> ids.stream()
                        .filter(id -> r.value().contains(id))
                        .forEach(id -> copies.merge(id, 1L, Long::sum)));
        assertEquals(ids.size(), copies.size(), "events published");
        copies.forEach((id, n) -> assertEquals(1L, n, "copies of " + id));
    }

    @Test
    @DisplayName(
            "a group the database refuses is 503 to every request in it and records none of it; the group before it stands")
    void refusedGroup() throws Exception {
        String existing =
                emit("existing", List.of(UUID.randomUUID().toString())).getFirst();
        OutboxEvent held = row("hold-insert");
        OutboxEvent duplicate = row("grouped");
        duplicate.eventId = UUID.fromString(existing);
        List<OutboxEvent> good = List.of(row("grouped"), row("grouped"), row("grouped"));
        List<CompletableFuture<CloudEvent>> answers = new ArrayList<>();
        CompletableFuture<CloudEvent> first;
        try (Connection lock = PlatformTests.dataSource().getConnection();
                Statement st = lock.createStatement()) {
            st.execute("select pg_advisory_lock(4242)");
            try {
                first = write(held);
                await("the writer inside the first group's insert", () -> waiting() >= 1);
                answers.add(write(good.get(0)));
                answers.add(write(duplicate));
                answers.add(write(good.get(1)));
                answers.add(write(good.get(2)));
                await("the other requests waiting for the writer", () -> {
                    try {
                        return queued() == 4;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                st.execute("select pg_advisory_unlock(4242)");
            }
        }
        assertEquals(held.event.id(), first.get(60, TimeUnit.SECONDS).id());
        for (CompletableFuture<CloudEvent> answer : answers) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(60, TimeUnit.SECONDS));
            ProblemException p = assertInstanceOf(ProblemException.class, e.getCause());
            assertEquals(503, p.status());
        }
        for (OutboxEvent r : good) {
            assertEquals(
                    0,
                    count("select count(*) from outbox_event where event_id = ?", r.eventId),
                    "recorded, though refused");
        }
        assertEquals(1, count("select count(*) from outbox_event where event_id = ?", held.eventId));
    }
}
