package org.confide.audit.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.service.ChainAppender;
import org.confide.audit.chain.service.ChainAppender.DeadLetter;
import org.confide.audit.config.AuditConfig;
import org.confide.audit.ingest.rule.DataAllowList;
import org.confide.platform.events.CloudEvent;
import org.jboss.logging.Logger;

/**
 * The business half of ingest: turns a batch of records into events (or dead letters, with the reason) and
 * appends them in one transaction. A poison message never stops ingest; a database failure throws, and the
 * transport retries the whole batch.
 */
@ApplicationScoped
public class AuditIngestHandler {

    private static final Logger LOG = Logger.getLogger(AuditIngestHandler.class);
    private static final int MAX_DEAD_PAYLOAD = 64 * 1024;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChainAppender appender;

    @Inject
    AuditConfig config;

    private volatile DataAllowList allowList;

    public void handle(List<ConsumerRecord<String, String>> batch) throws Exception {
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> r : batch) {
            try {
                events.add(withAllowedData(toEvent(CloudEvent.parse(mapper, r.value()))));
            } catch (CloudEvent.InvalidEventException e) {
                String payload = r.value() == null ? null
                        : r.value().length() > MAX_DEAD_PAYLOAD ? r.value().substring(0, MAX_DEAD_PAYLOAD) : r.value();
                rejected.add(new DeadLetter(r.topic(), r.partition(), r.offset(), r.key(), payload, e.getMessage()));
            }
        }
        int appended = appender.append(events, rejected);
        LOG.debugf("batch of %d: %d appended, %d set aside", batch.size(), appended, rejected.size());
    }

    /** Keeps only ids, codes and rule ids in {@code data}; the rest never reaches the log. */
    IncomingEvent withAllowedData(IncomingEvent e) {
        DataAllowList list = allowList;
        if (list == null) {
            allowList = list = new DataAllowList(config.dataAllowList());
        }
        DataAllowList.Result r = list.filter(e.data());
        if (!r.dropped().isEmpty()) {
            LOG.debugf("event %s (%s): dropped data fields %s", e.id(), e.type(), r.dropped());
        }
        return new IncomingEvent(e.id(), e.type(), e.occurredAt(), e.org(), e.actorId(), e.actorRole(), e.clientId(),
                e.correlationId(), e.source(), r.kept());
    }

    static IncomingEvent toEvent(CloudEvent e) throws CloudEvent.InvalidEventException {
        OffsetDateTime time;
        try {
            time = AuditTime.normalise(OffsetDateTime.parse(e.time()).toInstant());
        } catch (DateTimeParseException ex) {
            throw new CloudEvent.InvalidEventException("time is not RFC 3339: " + e.time());
        }
        return new IncomingEvent(e.id(), e.type(), time, e.org(), e.actorid(), e.actorrole(), e.subject(),
                e.correlationid(), e.source(), e.data() == null ? JsonNodeFactory.instance.objectNode() : e.data());
    }
}
