package org.confide.allocation.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.confide.events.Topics;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.db.DatabaseBootstrap;
import org.confide.platform.kafka.BatchConsumer;
import org.confide.platform.kafka.KafkaClients;
import org.jboss.logging.Logger;

/** Consumes records-events into the local allocation copy, in services that turn it on. */
@ApplicationScoped
public class AllocationCopyTransport {

    private static final Logger LOG = Logger.getLogger(AllocationCopyTransport.class);

    @Inject
    PlatformConfig platform;

    @Inject
    AllocationCopyConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    AllocationCopyHandler handler;

    private BatchConsumer consumer;

    void start(@Observes @Priority(DatabaseBootstrap.PRIORITY + 10) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        String group = platform.serviceName() + "-allocation-copy";
        consumer = new BatchConsumer(
                        kafka.consumer(group, group, 500), List.of(Topics.RECORDS), handler::handle, "allocation-copy")
                .start();
        LOG.infof("keeping a local allocation copy from %s as group %s", Topics.RECORDS, group);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
        }
    }
}
