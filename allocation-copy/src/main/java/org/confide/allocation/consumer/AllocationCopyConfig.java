package org.confide.allocation.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local copy of allocations and group memberships, fed by records-events. A root of its own, not under
 * {@code confide.platform}: records- and audit-service, which lack the module, ignore the key rather than refuse to start.
 */
@ConfigMapping(prefix = "confide.allocation-copy")
public interface AllocationCopyConfig {

    /**
     * Whether this service keeps the copy (consent-service and disclosure-service do). It also needs
     * {@code db/allocation} in {@code quarkus.flyway.locations}.
     */
    @WithDefault("false")
    boolean enabled();
}
