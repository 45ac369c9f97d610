package org.confide.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** consent-service settings, under {@code confide.consent.*}. */
@ConfigMapping(prefix = "confide.consent")
public interface ConsentConfig {

    /** The sweep that marks ACTIVE consents past {@code validUntil} EXPIRED and emits {@code consent.expired}. */
    ExpirySweep expirySweep();

    interface ExpirySweep {
        /**
         * Whether the sweep runs on its schedule. Decisions do not depend on it: a consent past {@code validUntil} is
         * EXPIRED at once (R-CONS-4); the sweep records the state and announces it.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often the sweep runs (a Quarkus scheduler interval such as {@code 1m} or {@code 30s}). */
        @WithDefault("1m")
        String every();

        /** How long after start the first sweep waits (the database is migrated at start). */
        @WithDefault("10s")
        String delay();

        /** Most consents expired in one transaction; a sweep runs batches until none is left. */
        @WithDefault("500")
        int batchSize();
    }
}
