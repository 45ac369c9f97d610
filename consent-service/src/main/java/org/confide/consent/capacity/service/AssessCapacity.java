package org.confide.consent.capacity.service;

import org.confide.consent.capacity.Matter;

/** What an assessor records about a client's capacity for one matter (R-CONS-5); the Resource maps its DTO to this. */
public record AssessCapacity(String clientId, Matter matter, boolean hasCapacity, String reasons) {
}
