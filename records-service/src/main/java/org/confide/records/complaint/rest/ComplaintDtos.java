package org.confide.records.complaint.rest;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.complaint.ComplaintStatus;
import org.confide.records.complaint.OutsideBody;
import org.confide.records.complaint.service.ComplaintShown;

/** The JSON shapes of complaints (docs/api.md "Complaints", R-COMP-1). */
public final class ComplaintDtos {

    private ComplaintDtos() {}

    /** The client's words; ComplaintRule names a missing or too long text (422 R-COMP-1). */
    public record NewComplaint(String text) {}

    public record StatusChange(ComplaintStatus status) {}

    public record OutsideBodyDto(String name, String url) {

        public static OutsideBodyDto of(OutsideBody b) {
            return new OutsideBodyDto(b.name, b.url);
        }

        public static List<OutsideBodyDto> of(List<OutsideBody> bodies) {
            return bodies.stream().map(OutsideBodyDto::of).toList();
        }
    }

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
            List<OutsideBodyDto> outsideBodies) {

        public static ComplaintView of(ComplaintShown shown) {
            var c = shown.complaint();
            return new ComplaintView(
                    c.id,
                    c.clientId,
                    c.status,
                    shown.text(),
                    shown.routedTo(),
                    c.createdAt,
                    c.acknowledgedAt,
                    c.statusChangedAt,
                    c.closedAt,
                    OutsideBodyDto.of(shown.outsideBodies()));
        }

        public static List<ComplaintView> of(List<ComplaintShown> shown) {
            return shown.stream().map(ComplaintView::of).toList();
        }
    }
}
