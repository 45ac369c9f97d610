package org.confide.records.file.rest;

import org.confide.records.complaint.rest.ComplaintDtos.ComplaintView;
import java.util.List;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.group.rest.GroupDtos.OwnMembership;
import org.confide.records.letter.rest.LetterDtos.LetterView;
import org.confide.records.note.rest.NoteDtos.NoteView;
import org.confide.records.referral.rest.ReferralDtos.MilestoneView;
import org.confide.records.supervision.rest.SupervisionDtos.SupervisionNoteView;

public final class FileDtos {

    private FileDtos() {
    }

    /**
     * R-REC-2: everything records-service holds about the client, in one answer; {@code groups} are the client's own
     * memberships and attendance only, never another member's (R-CONF-4); {@code complaints} the client's own (R-COMP-1).
     */
    public record MyFile(Object client, Identity identity, List<NoteView> notes, List<LetterView> letters,
                         List<MilestoneView> milestones, List<SupervisionNoteView> supervisionNotes,
                         List<OwnMembership> groups, List<ComplaintView> complaints) {
    }
}
