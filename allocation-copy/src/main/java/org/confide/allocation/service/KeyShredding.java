package org.confide.allocation.service;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.confide.platform.crypto.ClientKeys;
import org.jboss.logging.Logger;

/**
 * R-REC-3 in a service that learns of destruction from records-events: the client's key is deleted from the vault,
 * after the service's own observers have cleared their rows, so every copy of its text (backups too) is unreadable.
 */
@ApplicationScoped
@IfBuildProperty(name = "confide.crypto.enabled", stringValue = "true")
public class KeyShredding {

    private static final Logger LOG = Logger.getLogger(KeyShredding.class);

    @Inject
    ClientKeys keys;

    void onDestroyed(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) ClientDestroyed e) {
        UUID id;
        try {
            id = UUID.fromString(e.clientId());
        } catch (IllegalArgumentException notAnId) {
            LOG.warnf("client.destroyed for %s, which is not a client id: nothing sealed for it", e.clientId());
            return;
        }
        keys.destroy(id);
    }
}
