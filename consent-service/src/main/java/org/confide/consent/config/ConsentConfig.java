package org.confide.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** consent-service settings, under {@code confide.consent.*}. */
@ConfigMapping(prefix = "confide.consent")
public interface ConsentConfig {

    /** Consent decisions ({@code POST /consent-decisions}). */
    Decisions decisions();

    interface Decisions {
        /**
         * How long a decision waits for Kafka to acknowledge its {@code consent.decided} event, which is sent straight to
         * the broker (a decision changes no row, so it has no outbox row). Not acknowledged in time: 503 problem+json
         * and no decision (docs/api.md). Below disclosure-service's consent timeout (2 s), so that it hears the 503 and
         * fails closed rather than waiting. Env {@code CONFIDE_CONSENT_DECISIONS_BROKER_DEADLINE}, an ISO-8601 duration.
         */
        @WithDefault("PT1.5S")
        java.time.Duration brokerDeadline();
    }

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

    /** The clients' age bands (R-CONS-6). */
    AgeBand ageBand();

    interface AgeBand {
        /**
         * How a client whose age band is UNKNOWN (no date of birth held, an anonymous member, or not heard of yet) is
         * treated: {@code ASSESS} (the default, the strictest reading: as under 16, so consent needs a recorded
         * competence assessment found competent) or {@code PRESUME} (as 16 or over: capacity presumed, R-CONS-5). Env
         * {@code CONFIDE_CONSENT_AGE_BAND_UNKNOWN}.
         */
        @WithDefault("ASSESS")
        org.confide.consent.capacity.rule.CompetenceRule.UnknownAge unknown();
    }
}
