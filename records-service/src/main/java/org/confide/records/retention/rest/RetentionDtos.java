package org.confide.records.retention.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public final class RetentionDtos {

    private RetentionDtos() {}

    /** Range checked by RetentionRule (R-REC-3), so the refusal names the rule. */
    public record RetentionPeriod(Integer retentionDays) {}

    public record RetentionSettingView(String org, int retentionDays) {}

    public record RunResult(List<UUID> destroyed) {}

    public record Hold(@NotBlank @Size(max = 2000) String reason) {}
}
