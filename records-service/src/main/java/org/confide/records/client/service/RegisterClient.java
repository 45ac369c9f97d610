package org.confide.records.client.service;

import org.confide.records.client.Identity;
import org.confide.records.client.Programme;

/** Registering a client at intake; {@code limitsExplained} is the R-REC-5 confirmation. */
public record RegisterClient(Identity identity, Programme programme, Boolean limitsExplained) {
}
