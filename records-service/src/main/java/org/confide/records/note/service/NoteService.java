package org.confide.records.note.service;

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
import org.confide.records.client.service.ClientService;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.note.Note;
import org.confide.records.note.repository.NoteRepository;
import org.confide.records.paging.TimeCursor;
import org.confide.records.time.Times;

/** Session notes (R-REC-1): written and read only by the org's manager and the client's allocated practitioner. */
@ApplicationScoped
@Transactional
public class NoteService {

    static final String BODY = "note.body";

    @Inject
    ClientService clients;

    @Inject
    NoteRepository notes;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public NoteShown write(UUID clientId, WriteNote command) {
        Client client = clients.forWork(clientId);
        if (command.sessionDate().isAfter(Times.today(clock).plusDays(1))) {
            throw ProblemException.unprocessable(
                    null, "sessionDate", "a note records a session that took place: the date is in the future");
        }
        Note n = new Note();
        n.id = UUID.randomUUID();
        n.org = client.org;
        n.clientId = client.id;
        n.sessionDate = command.sessionDate();
        n.kind = command.kind();
        n.body = keys.seal(client.id, BODY, command.body());
        n.authorId = caller.subject();
        n.createdAt = Times.now(clock);
        notes.persist(n);
        outbox.emit(new RecordsEvents.NoteWritten(client.id.toString(), n.id.toString(), n.kind.name(), null));
        return new NoteShown(n, command.body());
    }

    /** A page of the client's notes; the read is recorded with its purpose (record.accessed). */
    public List<NoteShown> read(UUID clientId, PurposeOfUse purpose, TimeCursor after, int limit) {
        Client client = clients.forStaff(clientId);
        if (client.destroyed()) return List.of();
        clients.accessed(client, purpose, "notes");
        return notes.page(client.id, after, limit).stream()
                .map(n -> view(client, n, null))
                .toList();
    }

    /** One note of the client as it is now (an Idempotency-Key replay); the read is recorded like a page's. */
    public NoteShown one(UUID clientId, UUID noteId, PurposeOfUse purpose) {
        Client client = clients.forStaff(clientId);
        Note n = client.destroyed()
                ? null
                : notes.findByIdOptional(noteId)
                        .filter(x -> x.clientId.equals(client.id))
                        .orElse(null);
        if (n == null) throw ProblemException.notFound("note");
        clients.accessed(client, purpose, "notes");
        return view(client, n, null);
    }

    /** Every note of a client, decrypted (the client's own file, R-REC-2). */
    public List<NoteShown> allOf(Client client) {
        if (client.destroyed()) return List.of();
        return notes.ofClient(client.id).stream()
                .map(n -> view(client, n, null))
                .toList();
    }

    private NoteShown view(Client client, Note n, String plain) {
        return new NoteShown(n, plain != null ? plain : keys.open(client.id, BODY, n.body));
    }
}
