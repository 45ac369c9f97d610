package org.confide.records.file.service;

import org.confide.records.complaint.service.ComplaintService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.Client;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.rest.ClientDtos.Tombstone;
import org.confide.records.client.service.ClientService;
import org.confide.records.file.rest.FileDtos.MyFile;
import org.confide.records.group.service.GroupService;
import org.confide.records.letter.service.LetterService;
import org.confide.records.note.service.NoteService;
import org.confide.records.referral.rest.ReferralDtos.MilestoneView;
import org.confide.records.referral.service.ReferralService;
import org.confide.records.supervision.service.SupervisionService;

/** R-REC-2: a client's access to their own file; each access is recorded (file.accessed). */
@ApplicationScoped
@Transactional
public class FileService {

    @Inject
    ClientRepository clientRows;

    @Inject
    ClientService clients;

    @Inject
    NoteService notes;

    @Inject
    LetterService letters;

    @Inject
    ReferralService referrals;

    @Inject
    SupervisionService supervision;

    @Inject
    GroupService groups;

    @Inject
    ComplaintService complaints;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    public MyFile ownFile() {
        UUID id;
        try {
            id = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("client");
        }
        Client c = clientRows.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        outbox.emit(new RecordsEvents.FileAccessed(c.id.toString(), PurposeOfUse.CLIENT_REQUEST.name(), "R-REC-2"));
        List<MilestoneView> milestones = referrals.ofClient(c.id).stream()
                .map(m -> new MilestoneView(m.id, m.clientId, m.type, m.practitionerId, m.at)).toList();
        if (c.destroyed()) {
            return new MyFile(new Tombstone(c.id, c.status, c.destroyedAt), null, List.of(), List.of(), milestones, List.of(),
                    List.of(), List.of());
        }
        return new MyFile(clients.viewOf(c), clients.identityOf(c), notes.allOf(c), letters.allOf(c), milestones,
                supervision.allOf(c), groups.ownMemberships(c), complaints.allOf(c));
    }
}
