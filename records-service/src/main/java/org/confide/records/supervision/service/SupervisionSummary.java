package org.confide.records.supervision.service;

import java.util.List;
import org.confide.records.client.Programme;

/** R-CONF-2: what a supervisor is given of a client: no identity, no session notes. */
public record SupervisionSummary(
        String pseudonym,
        Programme programme,
        String ageBand,
        long sessionCount,
        List<SupervisionNoteShown> supervisionNotes) {}
