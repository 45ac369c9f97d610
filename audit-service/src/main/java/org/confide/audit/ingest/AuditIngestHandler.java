package org.confide.audit.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.service.ChainAppender;
import org.confide.audit.chain.service.ChainAppender.DeadLetter;
import org.confide.audit.ingest.rule.DataAllowList;
import org.confide.platform.events.CloudEvent;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

/**
 * The business half of ingest: turns a batch of records into events (or dead letters, with the reason) and
 * appends them in one transaction. A poison message never stops ingest, nor does an event the database refuses;
 * any other database failure throws, and the transport retries the whole batch.
 */
@ApplicationScoped
public class AuditIngestHandler {

    private static final Logger LOG = Logger.getLogger(AuditIngestHandler.class);
    private static final int MAX_DEAD_PAYLOAD = 64 * 1024;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChainAppender appender;

    private final DataAllowList allowList = DataAllowList.ofEvents();

    public void handle(List<ConsumerRecord<String, String>> batch) throws Exception {
        List<Parsed> events = new ArrayList<>(batch.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> r : batch) {
            try {
                events.add(new Parsed(withAllowedData(toEvent(CloudEvent.parse(mapper, r.value()))), r));
            } catch (CloudEvent.InvalidEventException e) {
                String payload = r.value() == null
                        ? null
                        : r.value().length() > MAX_DEAD_PAYLOAD ? r.value().substring(0, MAX_DEAD_PAYLOAD) : r.value();
                rejected.add(new DeadLetter(r.topic(), r.partition(), r.offset(), r.key(), payload, e.getMessage()));
            }
        }
        int appended = appendIsolating(events, rejected);
        LOG.debugf("batch of %d: %d appended, %d set aside", batch.size(), appended, rejected.size());
    }

    /**
     * Appends the events in one transaction; when the database refuses the content of one of them (a poison event),
     * the batch is split in halves appended in order, down to the poison event, which goes to the dead letter with the
     * database's reason: the other events are chained and ingest goes on for every organisation (issue 16). Any other
     * failure throws, and the transport retries the batch (what was committed meanwhile is skipped as a duplicate).
     */
    private int appendIsolating(List<Parsed> events, List<DeadLetter> rejected) throws SQLException {
        try {
            return appender.append(events.stream().map(Parsed::event).toList(), rejected);
        } catch (SQLException e) {
            if (!ChainAppender.refusesContent(e)) throw e;
            if (events.size() == 1) {
                List<DeadLetter> all = new ArrayList<>(rejected);
                all.add(poison(events.getFirst(), e));
                return appender.append(List.of(), all);
            }
            int half = events.size() / 2;
            return appendIsolating(events.subList(0, half), rejected)
                    + appendIsolating(events.subList(half, events.size()), List.of());
        }
    }

    /** The dead letter of an event the database refused: the event as audit would have kept it, and the reason. */
    private DeadLetter poison(Parsed p, SQLException e) {
        IncomingEvent ev = p.event();
        ObjectNode kept = mapper.createObjectNode();
        kept.put("id", ev.id())
                .put("source", ev.source())
                .put("type", ev.type())
                .put("time", AuditTime.format(ev.occurredAt()))
                .put("subject", ev.clientId())
                .put("org", ev.org())
                .put("actorid", ev.actorId())
                .put("actorrole", ev.actorRole())
                .put("correlationid", ev.correlationId())
                .set("data", ev.data());
        String payload;
        try {
            payload = mapper.writeValueAsString(kept);
        } catch (JsonProcessingException ex) {
            payload = null;
        }
        if (payload != null && payload.length() > MAX_DEAD_PAYLOAD) payload = payload.substring(0, MAX_DEAD_PAYLOAD);
        String message = e instanceof PSQLException pe && pe.getServerErrorMessage() != null
                ? pe.getServerErrorMessage().getMessage()
                : e.getMessage();
        ConsumerRecord<String, String> r = p.record();
        return new DeadLetter(
                r.topic(),
                r.partition(),
                r.offset(),
                r.key(),
                payload,
                "the database refused the event (" + e.getSQLState() + "): " + message);
    }

    /** An event and the record it came in. */
    private record Parsed(IncomingEvent event, ConsumerRecord<String, String> record) {}

    /** Keeps only the fields the event's type declares, and of them only ids and codes; the rest never reaches the log. */
    IncomingEvent withAllowedData(IncomingEvent e) {
        DataAllowList.Result r = allowList.filter(e.type(), e.data());
        if (!r.dropped().isEmpty()) {
            LOG.debugf("event %s (%s): dropped data fields %s", e.id(), e.type(), r.dropped());
        }
        return new IncomingEvent(
                e.id(),
                e.type(),
                e.occurredAt(),
                e.org(),
                e.actorId(),
                e.actorRole(),
                e.clientId(),
                e.correlationId(),
                e.source(),
                r.kept());
    }

    static IncomingEvent toEvent(CloudEvent e) throws CloudEvent.InvalidEventException {
        OffsetDateTime time;
        try {
            time = AuditTime.normalise(OffsetDateTime.parse(e.time()).toInstant());
        } catch (DateTimeParseException ex) {
            throw new CloudEvent.InvalidEventException("time is not RFC 3339: " + e.time());
        }
        return new IncomingEvent(
                e.id(),
                e.type(),
                time,
                e.org(),
                e.actorid(),
                e.actorrole(),
                e.subject(),
                e.correlationid(),
                e.source(),
                e.data() == null ? JsonNodeFactory.instance.objectNode() : e.data());
    }
}
