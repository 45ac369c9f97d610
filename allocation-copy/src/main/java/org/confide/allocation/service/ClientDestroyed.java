package org.confide.allocation.service;

/**
 * Fired (synchronously, inside the consumer's transaction) when records-service says a client was destroyed
 * (R-REC-3): each service observes it to destroy what it holds about the client.
 */
public record ClientDestroyed(String org, String clientId) {}
