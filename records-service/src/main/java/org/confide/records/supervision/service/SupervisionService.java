package org.confide.records.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.platform.problem.Violation;
import org.confide.records.client.Client;
import org.confide.records.client.Identity;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.service.ClientService;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.group.service.GroupService;
import org.confide.records.note.repository.NoteRepository;
import org.confide.records.retention.rule.RetentionRule;
import org.confide.records.statement.service.StatementService;
import org.confide.records.supervision.SupervisionNote;
import org.confide.records.supervision.repository.SupervisionNoteRepository;
import org.confide.records.supervision.rule.AgeBand;
import org.confide.records.supervision.rule.IdentifierDetector;
import org.confide.records.supervision.rule.IdentifierDetector.Identifiers;
import org.confide.records.supervision.rule.IdentifierDetector.Kind;
import org.confide.records.time.Times;

/** Supervision without identities (R-CONF-2). */
@ApplicationScoped
@Transactional
public class SupervisionService {

    static final String TEXT = "supervision.text";
    private final IdentifierDetector detector = new IdentifierDetector();

    @Inject
    ClientService clients;

    @Inject
    ClientRepository clientRows;

    @Inject
    SupervisionNoteRepository supervisionNotes;

    @Inject
    NoteRepository notes;

    @Inject
    GroupService groups;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    StatementService statements;

    @Inject
    SupervisionAgreementService agreements;

    /** Stores de-identified material; refused (422 R-CONF-2) when it holds the client's name or group alias, birth date, email or phone. */
    public SupervisionNoteShown write(UUID clientId, String text) {
        Client client = clients.forWork(clientId);
        Identity id = clients.identityOf(client);
        Set<Kind> found = java.util.EnumSet.noneOf(Kind.class);
        if (id != null)
            found.addAll(detector.find(text, new Identifiers(id.fullName(), id.dateOfBirth(), id.email(), id.phone())));
        // R-CONF-4: a group alias names the member as much as a name does (an anonymous member has no other).
        for (String alias : groups.aliasesOf(client.id)) {
            found.addAll(detector.find(text, new Identifiers(alias, null, null, null)));
        }
        if (!found.isEmpty()) {
            List<Violation> violations = found.stream()
                    .map(k -> new Violation("text", "contains the client's " + describe(k)))
                    .toList();
            throw new ProblemException(
                    422,
                    "Unprocessable request",
                    "supervision material must not identify the client: remove the "
                            + found.stream()
                                    .map(this::describe)
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse(""),
                    IdentifierDetector.RULE,
                    violations);
        }
        SupervisionNote n = new SupervisionNote();
        n.id = UUID.randomUUID();
        n.org = client.org;
        n.clientId = client.id;
        n.text = keys.seal(client.id, TEXT, text);
        n.authorId = caller.subject();
        n.createdAt = Times.now(clock);
        supervisionNotes.persist(n);
        outbox.emit(new RecordsEvents.NoteWritten(
                client.id.toString(), n.id.toString(), "SUPERVISION", IdentifierDetector.RULE));
        return new SupervisionNoteShown(n, text);
    }

    /** One supervision note as it is now, to whoever may write them (an Idempotency-Key replay). */
    public SupervisionNoteShown note(UUID clientId, UUID noteId) {
        Client client = clients.forWork(clientId);
        SupervisionNote n = supervisionNotes
                .findByIdOptional(noteId)
                .filter(x -> x.clientId.equals(client.id))
                .orElseThrow(() -> ProblemException.notFound("supervision note"));
        return new SupervisionNoteShown(n, keys.open(client.id, TEXT, n.text));
    }

    /** The supervisor's view (R-CONF-2, R-CONF-5): a stable pseudonym, programme, age band, counts and supervision notes only. */
    public SupervisionSummary view(UUID clientId) {
        statements.requireAcknowledged();
        // R-CONF-5: only through a standing agreement with the client's practitioner and once the client was told;
        // any other client is 404, like another organisation's, so a supervisor learns nothing of who exists.
        Client client = clientRows
                .findInOrg(caller.org(), clientId)
                .filter(agreements::callerMaySee)
                .orElseThrow(() -> ProblemException.notFound("client"));
        if (client.destroyed()) {
            throw ProblemException.conflict(
                    RetentionRule.RULE, "the client's record was destroyed at the end of retention");
        }
        Identity id = clients.identityOf(client);
        outbox.emit(new RecordsEvents.SupervisionViewed(client.id.toString(), "SUPERVISION", IdentifierDetector.RULE));
        return new SupervisionSummary(
                keys.pseudonym(client.id),
                client.programme,
                AgeBand.of(id == null ? null : id.dateOfBirth(), Times.today(clock)),
                notes.countOf(client.id),
                allOf(client));
    }

    public List<SupervisionNoteShown> allOf(Client client) {
        if (client.destroyed()) return List.of();
        return supervisionNotes.ofClient(client.id).stream()
                .map(n -> new SupervisionNoteShown(n, keys.open(client.id, TEXT, n.text)))
                .toList();
    }

    private String describe(Kind k) {
        return switch (k) {
            case NAME -> "name";
            case DATE_OF_BIRTH -> "date of birth";
            case EMAIL -> "email address";
            case PHONE -> "phone number";
        };
    }
}
