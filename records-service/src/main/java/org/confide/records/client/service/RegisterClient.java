package org.confide.records.client.service;

import org.confide.records.client.Identity;
import org.confide.records.client.Programme;

/**
 * Registering a client at intake: {@code limitsExplained} is the R-REC-5 confirmation, {@code statementVersion} the
 * confidentiality statement explained (R-REC-6), {@code supervisionExplained} that the client was told their work may
 * be taken to supervision (R-CONF-5).
 */
public record RegisterClient(
        Identity identity,
        Programme programme,
        Boolean limitsExplained,
        Integer statementVersion,
        Boolean supervisionExplained) {}
