package org.confide.records.file.service;

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
import org.confide.records.client.service.ClientService;
import org.confide.records.letter.service.LetterService;
import org.confide.records.note.service.NoteService;
import org.confide.records.referral.Milestone;
import org.confide.records.referral.service.ReferralService;
import org.confide.records.statement.service.StatementService;
import org.confide.records.supervision.service.SupervisionAgreementService;
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
    StatementService statements;

    @Inject
    SupervisionAgreementService agreements;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** The caller's own file; their group memberships are GroupService's to give (MyFileResource adds them). */
    public OwnFile ownFile() {
        UUID id;
        try {
            id = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("client");
        }
        Client c = clientRows.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        outbox.emit(new RecordsEvents.FileAccessed(c.id.toString(), PurposeOfUse.CLIENT_REQUEST.name(), "R-REC-2"));
        List<Milestone> milestones = referrals.ofClient(c.id);
        if (c.destroyed()) {
            return new OwnFile(c, null, List.of(), List.of(), milestones, List.of(), null, false);
        }
        return new OwnFile(
                c,
                clients.shown(c),
                notes.allOf(c),
                letters.allOf(c),
                milestones,
                supervision.allOf(c),
                statements.explained(c.org, c.statementVersion).orElse(null),
                c.supervisionExplainedAt != null && agreements.supervised(c));
    }
}
