package org.confide.records.file.service;

import java.util.List;
import org.confide.records.client.Client;
import org.confide.records.client.service.ClientShown;
import org.confide.records.letter.service.LetterShown;
import org.confide.records.note.service.NoteShown;
import org.confide.records.referral.Milestone;
import org.confide.records.statement.ConfidentialityStatement;
import org.confide.records.supervision.service.SupervisionNoteShown;

/**
 * R-REC-2: what records-service holds about the client; {@code shown} is null once destroyed (only the tombstone is
 * left). {@code statement}: the confidentiality statement explained to them (R-REC-6), if any; {@code supervised}:
 * whether their practitioner takes their work to a supervisor now (R-CONF-5).
 */
public record OwnFile(
        Client client,
        ClientShown shown,
        List<NoteShown> notes,
        List<LetterShown> letters,
        List<Milestone> milestones,
        List<SupervisionNoteShown> supervisionNotes,
        ConfidentialityStatement statement,
        boolean supervised) {}
