package org.confide.records.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** records-service settings, under {@code confide.records.*}. */
@ConfigMapping(prefix = "confide.records")
public interface RecordsConfig {

    /** Purpose of use recorded for a read that sends no {@code X-Purpose-Of-Use} header (docs/api.md: CARE). */
    @WithDefault("CARE")
    String defaultPurposeOfUse();

    /**
     * The master key wrapping every client's data key: 32 random bytes in base64, or the path of a file holding
     * them (env {@code CONFIDE_RECORDS_MASTER_KEY}). Required in production; losing it loses every record.
     */
    Optional<String> masterKey();

    /** Retention (R-REC-3). */
    Retention retention();

    interface Retention {
        /** Days after contact ceased before a client's identity and notes are destroyed, for an org that set none. */
        @WithDefault("1095")
        int defaultDays();

        /** Whether the daily retention run is scheduled (tests call the run themselves). */
        @WithDefault("true")
        boolean scheduled();

        /** When the scheduled run happens (Quarkus cron, default 03:15 every day). */
        @WithDefault("0 15 3 * * ?")
        String cron();

        /** Most clients destroyed in one transaction; a run repeats batches until none is due. */
        @WithDefault("200")
        int batchSize();
    }

    /** The daily age band sweep (R-CONS-6, ageband.service.AgeBandSweep). */
    AgeBand ageBand();

    interface AgeBand {
        /** Whether the sweep is scheduled (tests run it themselves). */
        @WithDefault("true")
        boolean scheduled();

        /** When it runs (Quarkus cron, default 00:05 UTC every day, just after a birthday begins). */
        @WithDefault("0 5 0 * * ?")
        String cron();
    }

    /** The referrer's written notices and their delivery (R-REF-1, notice.service.NoticeDelivery). */
    Notices notices();

    interface Notices {
        /** Whether the delivery worker runs on its schedule (tests call NoticeDelivery.deliverDue themselves). */
        @WithDefault("true")
        boolean scheduled();

        /** How often the worker looks for due notices (Quarkus scheduler interval, env CONFIDE_RECORDS_NOTICES_EVERY). */
        @WithDefault("5s")
        String every();

        /** The wait after a notice's first failed attempt; it doubles with each further failure. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long a notice is retried before it is parked (visible to the partner and the admin, tried no more). */
        @WithDefault("P1D")
        Duration giveUpAfter();

        /** How long one webhook call or mail may take before it counts as failed. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How long the previous webhook secret still signs, beside the new one, after a rotation. */
        @WithDefault("P1D")
        Duration rotationOverlap();

        /** Whether a webhook may be plain http to 127.0.0.1 (dev and test only; production takes https alone). */
        @WithDefault("false")
        boolean allowLoopbackHttp();
    }
}
