package org.confide.records.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** records-service settings, under {@code confide.records.*}. */
@ConfigMapping(prefix = "confide.records")
public interface RecordsConfig {

    /** Purpose of use recorded for a read that sends no {@code X-Purpose-Of-Use} header (API.md: CARE). */
    @WithDefault("CARE")
    String defaultPurposeOfUse();
}
