package org.confide.records.note.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.note.Note;
import org.confide.records.note.NoteKind;
import org.confide.records.note.service.NoteShown;
import org.confide.records.note.service.WriteNote;

public final class NoteDtos {

    private NoteDtos() {}

    public record NewNote(
            @NotNull LocalDate sessionDate,
            @NotNull NoteKind kind,
            @NotBlank @Size(max = 50_000) String body) {

        public WriteNote toCommand() {
            return new WriteNote(sessionDate, kind, body);
        }
    }

    public record NoteView(
            UUID id,
            UUID clientId,
            LocalDate sessionDate,
            NoteKind kind,
            String body,
            String authorId,
            OffsetDateTime createdAt) {

        public static NoteView of(NoteShown shown) {
            Note n = shown.note();
            return new NoteView(n.id, n.clientId, n.sessionDate, n.kind, shown.body(), n.authorId, n.createdAt);
        }
    }
}
