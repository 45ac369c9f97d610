package org.confide.allocation.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local copy of allocations and group memberships, fed by records-events; the key keeps the name it had when the
 * copy lived in platform, so no service's settings change.
 */
@ConfigMapping(prefix = "confide.platform.allocation-copy")
public interface AllocationCopyConfig {

    /**
     * Whether this service keeps the copy (consent-service and disclosure-service do). It also needs
     * {@code db/allocation} in {@code quarkus.flyway.locations}.
     */
    @WithDefault("false")
    boolean enabled();
}
