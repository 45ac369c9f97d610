package org.confide.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Group commit for requests whose only write is their event (a consent decision): each request hands its outbox row
 * to one writer thread and waits; the writer inserts every row waiting at that moment in one transaction (one JDBC
 * batch, one commit, one WAL flush) and then answers them all. The answer is still given only after the event is
 * durable, as with {@link Outbox#emit}, but concurrent requests share the transaction instead of paying one each.
 */
@ApplicationScoped
public class OutboxGroupCommit {

    private static final Logger LOG = Logger.getLogger(OutboxGroupCommit.class);
    /** Most rows in one group transaction. */
    static final int MAX_GROUP = 256;

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)";

    private record Pending(OutboxEvent row, CompletableFuture<Void> done) {}

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean synchronousCommit = true;

    /**
     * Writes the row durably, together with whatever other rows are waiting, and returns its event once committed.
     * Fails with 503 (nothing is answered that was not recorded) when the database refuses or does not answer in time.
     */
    public CloudEvent write(OutboxEvent row) {
        ensureWriter();
        Pending p = new Pending(row, new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get(30, TimeUnit.SECONDS);
            return row.event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf(
                    "could not record %s (%s)",
                    row.eventType, e.getCause() == null ? e : e.getCause().getMessage());
            throw unavailable();
        }
    }

    /** {@code false}: PostgreSQL's asynchronous commit for the group transactions (a service's own setting decides). */
    public void synchronousCommit(boolean on) {
        this.synchronousCommit = on;
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                503,
                "Service Unavailable",
                "the decision could not be recorded, so none is given; try again",
                null,
                null);
    }

    private synchronized void ensureWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().name("outbox-group-commit").daemon().start(this::loop);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        Thread t = writer;
        if (t != null) t.interrupt();
    }

    private void loop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                QuarkusTransaction.requiringNew().run(() -> insert(group));
                group.forEach(p -> p.done().complete(null));
                relay.wake();
            } catch (RuntimeException e) {
                group.forEach(p -> p.done().completeExceptionally(e));
            }
            group.clear();
        }
    }

    private void insert(List<Pending> group) {
        try (Connection c = dataSource.getConnection()) {
            if (!synchronousCommit) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL synchronous_commit = off");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Pending p : group) {
                    OutboxEvent r = p.row();
                    ps.setObject(1, r.eventId);
                    ps.setString(2, r.topic);
                    ps.setString(3, r.messageKey);
                    ps.setString(4, r.eventType);
                    ps.setString(5, r.payload);
                    ps.setObject(6, r.createdAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
