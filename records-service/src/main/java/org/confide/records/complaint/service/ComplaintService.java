package org.confide.records.complaint.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.platform.auth.Caller;
import org.confide.platform.crypto.FieldCipher;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.Client;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.complaint.Complaint;
import org.confide.records.complaint.ComplaintStatus;
import org.confide.records.complaint.OutsideBody;
import org.confide.records.complaint.repository.ComplaintRepository;
import org.confide.records.complaint.repository.OutsideBodyRepository;
import org.confide.records.complaint.rule.ComplaintRule;
import org.confide.records.complaint.service.ComplaintCommands.ChangeStatus;
import org.confide.records.complaint.service.ComplaintCommands.FileComplaint;
import org.confide.records.complaint.service.ComplaintCommands.SetOutsideBodies;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.paging.TimeCursor;
import org.confide.records.retention.rule.RetentionRule;
import org.confide.records.time.Times;

/**
 * A client's complaints about the work (R-COMP-1): filed by the client, routed to the organisation's directors
 * (managers), who acknowledge it and take it to an outcome; every answer names the outside bodies the organisation lists.
 * The text is sealed with the client's key (R-REC-3) and never leaves this service in an event or a log line.
 */
@ApplicationScoped
@Transactional
public class ComplaintService {

    static final String TEXT = "complaint.text";
    /** Seed 004: "in the first instance ... contact one of the Directors"; managers act as the directors here. */
    static final String ROUTED_TO = "DIRECTORS";

    private final ComplaintRule rule = new ComplaintRule();

    @Inject
    ComplaintRepository complaints;

    @Inject
    OutsideBodyRepository bodies;

    @Inject
    ClientRepository clientRows;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The calling client files a complaint (token sub = client id); it starts RECEIVED. */
    public ComplaintShown file(FileComplaint command) {
        Client client = self();
        if (client.destroyed()) {
            throw ProblemException.conflict(
                    RetentionRule.RULE, "the client's record was destroyed at the end of retention");
        }
        rule.fileRefusal(command.text()).ifPresent(r -> {
            throw ProblemException.unprocessable(ComplaintRule.RULE, r.field(), r.message());
        });
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.org = client.org;
        c.clientId = client.id;
        c.status = ComplaintStatus.RECEIVED;
        c.text = keys.seal(client.id, TEXT, command.text());
        c.createdAt = now();
        complaints.persist(c);
        outbox.emit(new RecordsEvents.ComplaintReceived(
                c.clientId.toString(), c.id.toString(), c.status.name(), ComplaintRule.RULE));
        return view(c);
    }

    /** The calling client's complaints. */
    public List<ComplaintShown> own(TimeCursor after, int limit) {
        Client client = self();
        return complaints.pageOfClient(client.id, after, limit).stream()
                .map(this::view)
                .toList();
    }

    /** One of the calling client's complaints: another org's 404, another client's 403 (docs/api.md). */
    public ComplaintShown ownComplaint(UUID id) {
        Complaint c = complaints.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("complaint"));
        if (!c.clientId.toString().equals(caller.subject())) {
            throw new ProblemException(403, "Forbidden", "this complaint is not yours", ComplaintRule.RULE, null);
        }
        return view(c);
    }

    /** Everything of the client's complaints for their own file (R-REC-2). */
    public List<ComplaintShown> allOf(Client client) {
        if (client.destroyed()) return List.of();
        return complaints.ofClient(client.id).stream().map(this::view).toList();
    }

    /** The directors' list of the organisation's complaints; each client whose complaint is shown has a recorded read. */
    public List<ComplaintShown> ofOrg(ComplaintStatus status, TimeCursor after, int limit, PurposeOfUse purpose) {
        List<Complaint> page = complaints.pageOfOrg(caller.org(), status, after, limit);
        Set<UUID> read = new LinkedHashSet<>();
        page.forEach(c -> read.add(c.clientId));
        read.forEach(id -> accessed(id, purpose));
        return page.stream().map(this::view).toList();
    }

    public ComplaintShown one(UUID id, PurposeOfUse purpose) {
        Complaint c = inOrg(id);
        accessed(c.clientId, purpose);
        return view(c);
    }

    /** A director moves the complaint on (R-COMP-1); the same status again changes nothing. */
    public ComplaintShown change(UUID id, ChangeStatus command) {
        Complaint c = complaints.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("complaint"));
        rule.transitionRefusal(c.status, command.status()).ifPresent(r -> {
            throw r.status() == 409
                    ? ProblemException.conflict(ComplaintRule.RULE, r.message())
                    : ProblemException.unprocessable(ComplaintRule.RULE, r.field(), r.message());
        });
        if (c.status == command.status()) return view(c);
        OffsetDateTime at = now();
        c.status = command.status();
        c.statusChangedBy = caller.subject();
        c.statusChangedAt = at;
        if (c.status == ComplaintStatus.ACKNOWLEDGED) c.acknowledgedAt = at;
        if (c.status.closed()) c.closedAt = at;
        outbox.emit(new RecordsEvents.ComplaintStatusChanged(
                c.clientId.toString(), c.id.toString(), c.status.name(), ComplaintRule.RULE));
        return view(c);
    }

    /** The admin lists the organisation's outside bodies (replacing the list); answers it as kept. */
    public List<OutsideBody> setOutsideBodies(SetOutsideBodies command) {
        ComplaintRule.Checked checked = rule.check(command.outsideBodies());
        checked.refusal().ifPresent(r -> {
            throw ProblemException.unprocessable(ComplaintRule.RULE, r.field(), r.message());
        });
        bodies.replace(
                caller.org(),
                checked.bodies().stream()
                        .map(b -> new String[] {b.name(), b.url()})
                        .toList(),
                caller.subject(),
                now());
        return outsideBodies(caller.org());
    }

    /** The organisation's outside bodies, in the order its admin listed them. */
    public List<OutsideBody> outsideBodies(String org) {
        return bodies.of(org);
    }

    private Complaint inOrg(UUID id) {
        return complaints.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("complaint"));
    }

    private void accessed(UUID clientId, PurposeOfUse purpose) {
        outbox.emit(new RecordsEvents.RecordAccessed(clientId.toString(), purpose.name(), "complaints"));
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

    private ComplaintShown view(Complaint c) {
        return new ComplaintShown(c, open(c), ROUTED_TO, outsideBodies(c.org));
    }

    /** The text, or null once destroyed with the client's key (R-REC-3). */
    private String open(Complaint c) {
        if (c.text == null) return null;
        try {
            return keys.open(c.clientId, TEXT, c.text);
        } catch (FieldCipher.Unreadable gone) {
            return null;
        }
    }

    /** Stored times keep milliseconds, as every time of this service (records time.Times). */
    private OffsetDateTime now() {
        return Times.now(clock);
    }
}
