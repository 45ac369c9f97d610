package org.confide.records.note.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.note.NoteKind;

public final class NoteDtos {

    private NoteDtos() {
    }

    public record NewNote(@NotNull LocalDate sessionDate, @NotNull NoteKind kind, @NotBlank @Size(max = 50_000) String body) {
    }

    public record NoteView(UUID id, UUID clientId, LocalDate sessionDate, NoteKind kind, String body, String authorId,
                           OffsetDateTime createdAt) {
    }
}
