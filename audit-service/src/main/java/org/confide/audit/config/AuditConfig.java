package org.confide.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** audit-service settings, under {@code confide.audit.*}. */
@ConfigMapping(prefix = "confide.audit")
public interface AuditConfig {

    /** The event topics ingested into the chain (docs/api.md: one per producing service). */
    @WithDefault("consent-events,disclosure-events,records-events")
    List<String> topics();

    /** Consumer group: replicas of audit-service share the partitions. */
    @WithDefault("audit-service")
    String consumerGroup();

    /**
     * Most records taken from Kafka and appended in one database transaction; a backlog drains in large batches,
     * as a batch costs a fixed number of round trips and one commit whatever its size (bench: audit ingest).
     */
    @WithDefault("5000")
    int batchSize();

    /**
     * How long the broker may hold a fetch of audit-service's consumer to gather events (up to 64 KiB) before answering:
     * a trickle then arrives as batches, each costing one transaction, instead of one transaction per event.
     */
    @WithDefault("PT0.05S")
    Duration ingestGather();

    /** Whether this process ingests (off for a read-only replica). */
    @WithDefault("true")
    boolean ingestEnabled();

    /**
     * The Ed25519 key that signs checkpoints, kept outside the database: a file holding one signed-note signer
     * key ({@code PRIVATE+KEY+...}). Required in production, where a missing file stops the start; dev mode and tests
     * make a missing one (owner read/write only), {@code ./confide up} makes it before the start.
     */
    @WithDefault(".confide/keys/audit-signing.key")
    String signingKey();

    /**
     * Longest run of one {@code GET /audit/verify}, in seconds: it reads the range in one read-only transaction, and a
     * 10M-entry log takes about a minute on a 2-core machine, past the transaction manager's 60 s default (bench).
     */
    @WithDefault("3600")
    int verifyTimeoutSeconds();

    /**
     * Connections a full verify reads on at once: the log is cut into ranges of a power of two entries, each walked on
     * its own connection in one shared snapshot, and the ranges joined (links, checkpoints) in order.
     */
    @WithDefault("2")
    int verifyConnections();

    /** Smallest range a full verify cuts the log into; a log under two of these is walked on one connection. */
    @WithDefault("262144")
    long verifyRange();

    /**
     * Witnesses each new checkpoint is sent to (C2SP tlog-witness add-checkpoint, with a consistency proof from the
     * last size that witness cosigned): each {@code "<submission URL prefix> <witness verifier key>"}, the key being
     * the one {@code ./confide witness --print-key} prints. Their cosignatures are kept with the checkpoint.
     */
    java.util.Optional<List<String>> witnesses();

    /** Checkpoints: how often each organisation's tree is signed. */
    Checkpoint checkpoint();

    interface Checkpoint {

        /** Whether this process integrates the trees and signs checkpoints. */
        @WithDefault("true")
        boolean enabled();

        /** A checkpoint once this many entries are not yet covered... */
        @WithDefault("1000")
        int everyEntries();

        /** ...or once this long has passed since the last one and an entry is not yet covered (at most 9 s, so that an entry is covered within 10 s). */
        @WithDefault("5s")
        Duration interval();

        /** How often the checkpointer looks for organisations with uncovered entries. */
        @WithDefault("1s")
        Duration tick();

        /** Most leaves integrated into a tree in one transaction (catching up on a large log goes in steps). */
        @WithDefault("10000")
        int integrateChunk();
    }
}
