package org.confide.records.complaint.rest;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.complaint.ComplaintStatus;

/** The JSON shapes of complaints (docs/api.md "Complaints", R-COMP-1). */
public final class ComplaintDtos {

    private ComplaintDtos() {}

    /** The client's words; ComplaintRule names a missing or too long text (422 R-COMP-1). */
    public record NewComplaint(String text) {}

    public record StatusChange(ComplaintStatus status) {}

    public record OutsideBodyDto(String name, String url) {}

    public record OutsideBodyList(@Size(max = 1000) List<OutsideBodyDto> outsideBodies) {}

    public record OutsideBodySettingView(String org, List<OutsideBodyDto> outsideBodies) {}

    /**
     * A complaint: {@code routedTo} who handles it (the organisation's directors), {@code outsideBodies} where else the
     * client may complain (R-COMP-1); {@code text} null once the client's record was destroyed (R-REC-3).
     */
    public record ComplaintView(
            UUID id,
            UUID clientId,
            ComplaintStatus status,
            String text,
            String routedTo,
            OffsetDateTime createdAt,
            OffsetDateTime acknowledgedAt,
            OffsetDateTime statusChangedAt,
            OffsetDateTime closedAt,
            List<OutsideBodyDto> outsideBodies) {}
}
