package org.confide.records.letter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
import org.confide.records.crypto.ClientKeys;
import org.confide.records.letter.Letter;
import org.confide.records.letter.LetterStatus;
import org.confide.records.letter.repository.LetterRepository;
import org.confide.records.letter.rule.LetterRule;
import org.confide.records.paging.TimeCursor;
import org.confide.records.time.Times;

/** Letters on a client's behalf (R-CONS-3): drafted by staff, approved by the client, then sent. */
@ApplicationScoped
@Transactional
public class LetterService {

    static final String RECIPIENT = "letter.recipient";
    static final String BODY = "letter.body";
    static final String RECIPIENT_EMAIL = "letter.recipient-email";
    private final LetterRule rule = new LetterRule();

    @Inject
    ClientService clients;

    @Inject
    ClientRepository clientRows;

    @Inject
    LetterRepository letters;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    LetterMails mails;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public LetterShown draft(UUID clientId, DraftLetter command) {
        Client client = clients.forWork(clientId);
        Letter l = new Letter();
        l.id = UUID.randomUUID();
        l.org = client.org;
        l.clientId = client.id;
        l.recipient = keys.seal(client.id, RECIPIENT, command.recipient());
        l.body = keys.seal(client.id, BODY, command.body());
        if (command.recipientEmail() != null) {
            l.recipientEmail = keys.seal(client.id, RECIPIENT_EMAIL, command.recipientEmail());
        }
        l.status = LetterStatus.DRAFT;
        l.authorId = caller.subject();
        l.createdAt = Times.now(clock);
        letters.persist(l);
        outbox.emit(new RecordsEvents.LetterDrafted(
                l.clientId.toString(), l.id.toString(), l.status.name(), LetterRule.RULE));
        return view(client, l);
    }

    public List<LetterShown> ofClient(UUID clientId, TimeCursor after, int limit, PurposeOfUse purpose) {
        Client client = clients.forStaff(clientId);
        clients.accessed(client, purpose, "letters");
        return letters.page(client.id, after, limit).stream()
                .map(l -> view(client, l))
                .toList();
    }

    /** One letter of the client as it is now (an Idempotency-Key replay); the read is recorded like a page's. */
    public LetterShown one(UUID clientId, UUID letterId, PurposeOfUse purpose) {
        Client client = clients.forStaff(clientId);
        Letter l = letters.findInOrg(caller.org(), letterId)
                .filter(x -> x.clientId.equals(client.id))
                .orElseThrow(() -> ProblemException.notFound("letter"));
        clients.accessed(client, purpose, "letters");
        return view(client, l);
    }

    /** R-CONS-3: sent only once the client approved it (409 otherwise). */
    public LetterShown send(UUID clientId, UUID letterId) {
        Client client = clients.forWork(clientId);
        Letter l = letters.findInOrg(caller.org(), letterId)
                .filter(x -> x.clientId.equals(client.id))
                .orElseThrow(() -> ProblemException.notFound("letter"));
        rule.sendRefusal(l.status).ifPresent(reason -> {
            throw ProblemException.conflict(LetterRule.RULE, reason);
        });
        l.status = LetterStatus.SENT;
        l.sentAt = Times.now(clock);
        // R-CONS-3 was checked above: only an approved letter reaches the mail queue, in this same transaction.
        if (l.recipientEmail != null) mails.queue(l);
        outbox.emit(
                new RecordsEvents.LetterSent(l.clientId.toString(), l.id.toString(), l.status.name(), LetterRule.RULE));
        return view(client, l);
    }

    /** The calling client's own letters (token sub = client id). */
    public List<LetterShown> own(TimeCursor after, int limit) {
        Client client = self();
        return letters.page(client.id, after, limit).stream()
                .map(l -> view(client, l))
                .toList();
    }

    public LetterShown ownLetter(UUID letterId) {
        Letter l = ownRow(letterId);
        return view(self(), l);
    }

    /** The client approves or rejects a draft written on their behalf (R-CONS-3). */
    public LetterShown decide(UUID letterId, boolean approved) {
        Letter l = ownRow(letterId);
        rule.decisionRefusal(l.status).ifPresent(reason -> {
            throw ProblemException.conflict(LetterRule.RULE, reason);
        });
        l.status = rule.decided(approved);
        l.decidedAt = Times.now(clock);
        outbox.emit(new RecordsEvents.LetterApproved(
                l.clientId.toString(), l.id.toString(), l.status.name(), approved, LetterRule.RULE));
        return view(self(), l);
    }

    public List<LetterShown> allOf(Client client) {
        if (client.destroyed()) return List.of();
        return letters.ofClient(client.id).stream().map(l -> view(client, l)).toList();
    }

    /** A letter of the caller's org: another org's is 404; another client's in the same org is 403 (docs/api.md). */
    private Letter ownRow(UUID letterId) {
        Letter l = letters.findInOrg(caller.org(), letterId).orElseThrow(() -> ProblemException.notFound("letter"));
        if (!l.clientId.toString().equals(caller.subject())) {
            throw new ProblemException(
                    403, "Forbidden", "this letter was not written on your behalf", LetterRule.RULE, null);
        }
        return l;
    }

    private Client self() {
        UUID id;
        try {
            id = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("client");
        }
        return clientRows.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
    }

    private LetterShown view(Client client, Letter l) {
        return new LetterShown(
                l,
                keys.open(client.id, RECIPIENT, l.recipient),
                keys.open(client.id, BODY, l.body),
                l.recipientEmail == null ? null : keys.open(client.id, RECIPIENT_EMAIL, l.recipientEmail));
    }
}
