package org.confide.records.letter.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.letter.Letter;
import org.confide.records.letter.LetterStatus;
import org.confide.records.letter.service.DraftLetter;
import org.confide.records.letter.service.LetterShown;

public final class LetterDtos {

    private LetterDtos() {}

    public record NewLetter(
            @NotBlank @Size(max = 500) String recipient,
            @NotBlank @Size(max = 50_000) String body,
            @Email @Size(max = 320) String recipientEmail) {

        public DraftLetter toCommand() {
            return new DraftLetter(recipient, body, recipientEmail == null ? null : recipientEmail.strip());
        }
    }

    public record Approval(@NotNull Boolean approved) {}

    public record LetterView(
            UUID id,
            UUID clientId,
            String recipient,
            String body,
            String recipientEmail,
            LetterStatus status,
            String authorId,
            OffsetDateTime createdAt,
            OffsetDateTime decidedAt,
            OffsetDateTime sentAt) {

        public static LetterView of(LetterShown shown) {
            Letter l = shown.letter();
            return new LetterView(
                    l.id,
                    l.clientId,
                    shown.recipient(),
                    shown.body(),
                    shown.recipientEmail(),
                    l.status,
                    l.authorId,
                    l.createdAt,
                    l.decidedAt,
                    l.sentAt);
        }
    }
}
