package org.confide.records.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
