package org.confide.records.statement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.confide.records.statement.ConfidentialityStatement;
import org.confide.records.statement.service.CurrentStatement;
import org.confide.records.statement.service.PublishStatement;

/** The JSON shapes of the confidentiality statement (R-REC-6, docs/api.md records-service). */
public final class StatementDtos {

    private StatementDtos() {}

    public record NewStatement(@NotBlank @Size(max = 50_000) String text) {

        public PublishStatement toCommand() {
            return new PublishStatement(text);
        }
    }

    public record Acknowledgement(@NotNull Integer version) {}

    public record StatementView(int version, String text, OffsetDateTime publishedAt, String publishedBy) {

        public static StatementView of(ConfidentialityStatement s) {
            return new StatementView(s.version, s.text, s.publishedAt, s.publishedBy);
        }
    }

    /** The current version as a member of staff reads it, with when they acknowledged it (null: not yet). */
    public record CurrentView(int version, String text, OffsetDateTime publishedAt, OffsetDateTime acknowledgedAt) {

        public static CurrentView of(CurrentStatement c) {
            return new CurrentView(
                    c.statement().version, c.statement().text, c.statement().publishedAt, c.acknowledgedAt());
        }
    }

    /** The version explained to a client, in their own file (no staff id). */
    public record ExplainedView(int version, String text, OffsetDateTime publishedAt) {

        public static ExplainedView of(ConfidentialityStatement s) {
            return s == null ? null : new ExplainedView(s.version, s.text, s.publishedAt);
        }
    }
}
