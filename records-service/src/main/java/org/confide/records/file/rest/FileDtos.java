package org.confide.records.file.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.complaint.rest.ComplaintDtos.ComplaintView;
import org.confide.records.group.service.GroupResults.OwnMembership;
import org.confide.records.letter.rest.LetterDtos.LetterView;
import org.confide.records.note.rest.NoteDtos.NoteView;
import org.confide.records.referral.rest.ReferralDtos.MilestoneView;
import org.confide.records.statement.rest.StatementDtos.ExplainedView;
import org.confide.records.supervision.rest.SupervisionDtos.SupervisionNoteView;

public final class FileDtos {

    private FileDtos() {}

    /**
     * R-REC-2: everything records-service holds about the client, in one answer; {@code groups} are the client's own
     * memberships and attendance only, never another member's (R-CONF-4); {@code complaints} the client's own (R-COMP-1);
     * {@code confidentialityStatement} the version explained to them at intake (R-REC-6); {@code supervision} what they
     * were told of supervision (R-CONF-5).
     */
    public record MyFile(
            Object client,
            Identity identity,
            List<NoteView> notes,
            List<LetterView> letters,
            List<MilestoneView> milestones,
            List<SupervisionNoteView> supervisionNotes,
            List<OwnMembership> groups,
            List<ComplaintView> complaints,
            ExplainedView confidentialityStatement,
            SupervisionNotice supervision) {}

    /**
     * R-CONF-5: when the client was told their work may be taken to supervision (null: never told, so it is not), and
     * whether their practitioner takes it to a supervisor now (only ever true once they were told).
     */
    public record SupervisionNotice(OffsetDateTime explainedAt, boolean supervised) {}
}
