package org.confide.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** audit-service settings, under {@code confide.audit.*}. */
@ConfigMapping(prefix = "confide.audit")
public interface AuditConfig {

    /** The event topics ingested into the chain (API.md: one per producing service). */
    @WithDefault("consent-events,disclosure-events,records-events")
    List<String> topics();

    /** Consumer group: replicas of audit-service share the partitions. */
    @WithDefault("audit-service")
    String consumerGroup();

    /** Most records taken from Kafka and appended in one database transaction. */
    @WithDefault("500")
    int batchSize();

    /** Whether this process ingests (off for a read-only replica). */
    @WithDefault("true")
    boolean ingestEnabled();
}
