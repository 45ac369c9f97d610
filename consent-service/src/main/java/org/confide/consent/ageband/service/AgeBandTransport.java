package org.confide.consent.ageband.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.confide.consent.config.ConsentConfig;
import org.confide.events.Topics;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.db.DatabaseBootstrap;
import org.confide.platform.kafka.BatchConsumer;
import org.confide.platform.kafka.KafkaClients;
import org.jboss.logging.Logger;

/** Consumes records-events into the clients' age bands (R-CONS-6), as its own consumer group. */
@ApplicationScoped
public class AgeBandTransport {

    private static final Logger LOG = Logger.getLogger(AgeBandTransport.class);

    @Inject
    PlatformConfig platform;

    @Inject
    ConsentConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    AgeBandHandler handler;

    private BatchConsumer consumer;

    void start(@Observes @Priority(DatabaseBootstrap.PRIORITY + 10) StartupEvent event) {
        if (!config.ageBand().consume()) {
            return;
        }
        String group = platform.serviceName() + "-age-band";
        consumer = new BatchConsumer(
                        kafka.consumer(group, group, 500), List.of(Topics.RECORDS), handler::handle, "age-band")
                .start();
        LOG.infof("keeping clients' age bands from %s as group %s", Topics.RECORDS, group);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
        }
    }
}
