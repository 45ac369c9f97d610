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
         * Whether the transaction that records decisions (their only write: {@code consent.decided} events in the outbox,
         * written by group commit) waits for the WAL flush. {@code true} (the default): no decision record is ever lost. {@code false}: PostgreSQL's
         * asynchronous commit for that transaction only; a crash of the database server (not of this service) may lose
         * the records of the last few hundred milliseconds of decisions, never leaves anything inconsistent, and
         * removes a disk flush from every decision (bench: decisions). Env {@code CONFIDE_CONSENT_DECISIONS_DURABLE_COMMIT}.
         */
        @WithDefault("true")
        boolean durableCommit();
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
