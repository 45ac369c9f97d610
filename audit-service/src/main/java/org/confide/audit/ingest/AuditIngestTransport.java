package org.confide.audit.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.confide.audit.config.AuditConfig;
import org.confide.platform.db.DatabaseBootstrap;
import org.confide.platform.kafka.BatchConsumer;
import org.confide.platform.kafka.KafkaClients;
import org.jboss.logging.Logger;

/** The transport half of ingest: one consumer of the three event topics, started once the schema is ready. */
@ApplicationScoped
public class AuditIngestTransport {

    private static final Logger LOG = Logger.getLogger(AuditIngestTransport.class);

    @Inject
    AuditConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    AuditIngestHandler handler;

    private BatchConsumer consumer;

    void start(@Observes @Priority(DatabaseBootstrap.PRIORITY + 10) StartupEvent event) {
        if (!config.ingestEnabled()) {
            return;
        }
        consumer = new BatchConsumer(
                        kafka.consumer(
                                config.consumerGroup(), "audit-ingest", config.batchSize(), config.ingestGather()),
                        config.topics(),
                        handler::handle,
                        "audit-ingest")
                .start();
        LOG.infof("ingesting %s as group %s", config.topics(), config.consumerGroup());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
        }
    }
}
