package org.confide.records.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.supervision.service.SupervisionNoteShown;
import org.confide.records.supervision.service.SupervisionSummary;

public final class SupervisionDtos {

    private SupervisionDtos() {}

    public record NewSupervisionNote(
            @NotBlank @Size(max = 20_000) String text) {}

    public record SupervisionNoteView(UUID id, String text, OffsetDateTime createdAt) {

        public static SupervisionNoteView of(SupervisionNoteShown shown) {
            return new SupervisionNoteView(shown.note().id, shown.text(), shown.note().createdAt);
        }
    }

    /** R-CONF-2: what a supervisor sees; no identity, no session notes. */
    public record SupervisionView(
            String pseudonym,
            Programme programme,
            String ageBand,
            long sessionCount,
            List<SupervisionNoteView> supervisionNotes) {

        public static SupervisionView of(SupervisionSummary s) {
            return new SupervisionView(
                    s.pseudonym(),
                    s.programme(),
                    s.ageBand(),
                    s.sessionCount(),
                    s.supervisionNotes().stream().map(SupervisionNoteView::of).toList());
        }
    }
}
