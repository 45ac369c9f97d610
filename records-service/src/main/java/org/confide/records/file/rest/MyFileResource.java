package org.confide.records.file.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confide.platform.auth.Roles;
import org.confide.platform.openapi.Refusal;
import org.confide.records.client.rest.ClientDtos.ClientView;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.client.rest.ClientDtos.Tombstone;
import org.confide.records.complaint.rest.ComplaintDtos.ComplaintView;
import org.confide.records.complaint.service.ComplaintService;
import org.confide.records.file.rest.FileDtos.MyFile;
import org.confide.records.file.rest.FileDtos.SupervisionNotice;
import org.confide.records.file.service.FileService;
import org.confide.records.file.service.OwnFile;
import org.confide.records.group.service.GroupService;
import org.confide.records.letter.rest.LetterDtos.LetterView;
import org.confide.records.note.rest.NoteDtos.NoteView;
import org.confide.records.referral.rest.ReferralDtos.MilestoneView;
import org.confide.records.statement.rest.StatementDtos.ExplainedView;
import org.confide.records.supervision.rest.SupervisionDtos.SupervisionNoteView;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The client's own file (R-REC-2); the token's sub is their client id. */
@Tag(name = "My file", description = "Everything records-service holds about the caller (R-REC-2).")
@Path("/me/file")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLIENT)
public class MyFileResource {

    @Inject
    FileService service;

    @Inject
    GroupService groups;

    @Inject
    ComplaintService complaints;

    @GET
    @Refusal(status = 404, when = "no client record of the caller's (the token's sub) in this organisation")
    public MyFile get() {
        OwnFile f = service.ownFile();
        if (f.shown() == null) {
            return new MyFile(
                    Tombstone.of(f.client()),
                    null,
                    List.of(),
                    List.of(),
                    f.milestones().stream().map(MilestoneView::of).toList(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null);
        }
        return new MyFile(
                ClientView.of(f.shown()),
                Identity.of(f.shown().identity()),
                f.notes().stream().map(NoteView::of).toList(),
                f.letters().stream().map(LetterView::of).toList(),
                f.milestones().stream().map(MilestoneView::of).toList(),
                f.supervisionNotes().stream().map(SupervisionNoteView::of).toList(),
                groups.ownMemberships(f.client()),
                ComplaintView.of(complaints.allOf(f.client())),
                ExplainedView.of(f.statement()),
                new SupervisionNotice(f.client().supervisionExplainedAt, f.supervised()));
    }
}
