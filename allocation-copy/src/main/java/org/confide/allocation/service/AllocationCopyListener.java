package org.confide.allocation.service;

import org.confide.events.EventData;

/**
 * A service's own copy of something records-events says about a client, kept in the same transaction as the
 * allocation copy: what it copies is known exactly when the client is (no second consumer whose lag could make a
 * known client look unknown). consent-service keeps the clients' age bands this way (R-CONS-6).
 */
public interface AllocationCopyListener {

    /** Called once per event the copy reads (AllocationCopyHandler.READ), after the allocation copy applied it. */
    void copied(String org, EventData event);
}
