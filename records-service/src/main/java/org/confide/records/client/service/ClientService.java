package org.confide.records.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.events.access.ClientAccessRule;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.ageband.service.AgeBandService;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.Identity;
import org.confide.records.client.Programme;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.rule.IntakeRule;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.group.repository.GroupFacilitatorRepository;
import org.confide.records.retention.repository.RetentionSettingRepository;
import org.confide.records.retention.rule.RetentionRule;
import org.confide.records.statement.service.StatementService;
import org.confide.records.supervision.rule.SupervisionAgreementRule;
import org.confide.records.time.Times;

/** Registering and reading clients; each change and read is recorded as an event in the same transaction. */
@ApplicationScoped
@Transactional
public class ClientService {

    static final String IDENTITY_FIELD = "identity";

    private final IntakeRule intake = new IntakeRule();
    private final ClientAccessRule access = new ClientAccessRule();
    private final RetentionRule retention = new RetentionRule();

    @Inject
    ClientRepository clients;

    @Inject
    RetentionSettingRepository settings;

    @Inject
    GroupFacilitatorRepository facilitators;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    StatementService statements;

    @Inject
    AgeBandService ageBands;

    public Client register(RegisterClient command) {
        statements.requireAcknowledged();
        intake.refusal(command.limitsExplained()).ifPresent(reason -> {
            throw ProblemException.unprocessable(IntakeRule.RULE, "limitsExplained", reason);
        });
        statements.checkIntake(caller.org(), command.statementVersion());
        Client client = create(
                caller.org(), command.programme(), command.identity(), ClientStatus.ACTIVE, registeringPractitioner());
        client.limitsExplainedAt = client.createdAt;
        emitRegistered(client, false, IntakeRule.RULE);
        recordIntake(client, command.statementVersion(), command.supervisionExplained(), client.createdAt);
        return client;
    }

    /**
     * The rest of the intake record (R-REC-5): the statement version explained (R-REC-6) and that the client was told
     * their work may be supervised (R-CONF-5); each recorded once, with its event.
     */
    public void recordIntake(Client client, Integer statementVersion, Boolean supervisionExplained, OffsetDateTime at) {
        if (statementVersion != null && client.statementVersion == null) {
            client.statementVersion = statementVersion;
            outbox.emit(new RecordsEvents.ClientStatementExplained(
                    client.id.toString(), statementVersion, org.confide.records.statement.rule.StatementRule.RULE));
        }
        if (Boolean.TRUE.equals(supervisionExplained) && client.supervisionExplainedAt == null) {
            client.supervisionExplainedAt = at;
            outbox.emit(
                    new RecordsEvents.ClientSupervisionExplained(client.id.toString(), SupervisionAgreementRule.RULE));
        }
    }

    /** A practitioner who registers a client (or brings an anonymous member in) is allocated to it (docs/api.md). */
    public String registeringPractitioner() {
        return caller.is(Roles.PRACTITIONER) && !caller.is(Roles.MANAGER) ? caller.subject() : null;
    }

    /**
     * {@code client.registered}: ids and codes only, {@code limitsExplained} true (R-REC-5) or, for an anonymous group
     * member, {@code anonymous} true (R-CONF-4), the rule applied, and the age band (R-CONS-6), never the date of birth.
     */
    public void emitRegistered(Client client, boolean anonymous, String rule) {
        Identity identity = identityOf(client);
        outbox.emit(new RecordsEvents.ClientRegistered(
                client.id.toString(),
                client.programme.name(),
                client.status.name(),
                client.allocatedPractitionerId,
                anonymous ? null : true,
                anonymous ? true : null,
                rule,
                ageBands.atRegistration(client, identity == null ? null : identity.dateOfBirth()))); // R-CONS-6
    }

    /** A new client row with its own data key and its identity sealed by it; no event (the caller emits one). */
    public Client create(String org, Programme programme, Identity identity, ClientStatus status, String practitioner) {
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.org = org;
        client.programme = programme;
        client.status = status;
        client.allocatedPractitionerId = practitioner;
        keys.create(client.id); // R-REC-3: the key is in the vault before this row commits (an orphan key is harmless)
        // R-CONF-4: an anonymous group member has no identity at all, not even a sealed empty one.
        client.identity = identity == null ? null : keys.seal(client.id, IDENTITY_FIELD, write(identity));
        client.createdAt = Times.now(clock);
        clients.persist(client);
        return client;
    }

    /** A client the caller may read (R-REC-1); the read itself is recorded with its purpose. */
    public Client read(UUID id, PurposeOfUse purpose) {
        statements.requireAcknowledged();
        Client client = clients.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        if (client.destroyed() && caller.is(Roles.MANAGER)) {
            return client; // the tombstone: nothing of the person is left to read
        }
        client = forStaff(id);
        accessed(client, purpose, "client");
        return client;
    }

    /** A client of the caller's org that the caller works with (R-REC-1): manager, allocated practitioner, or group facilitator. */
    public Client forStaff(UUID id) {
        statements.requireAcknowledged(); // R-REC-6: all client work by staff passes here
        Client client = clients.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        if (!access.mayAct(
                caller.roles(),
                caller.subject(),
                client.allocatedPractitionerId,
                () -> facilitators.facilitatesGroupOf(client.id, caller.subject()))) {
            throw new ProblemException(
                    403, "Forbidden", "you are not allocated to this client", ClientAccessRule.RULE, null);
        }
        return client;
    }

    /** As {@link #forStaff}, for a change: a destroyed client takes none (R-REC-3). */
    public Client forWork(UUID id) {
        Client client = forStaff(id);
        if (client.destroyed()) {
            throw ProblemException.conflict(
                    RetentionRule.RULE, "the client's record was destroyed at the end of retention");
        }
        return client;
    }

    /** Records a read of client data (record.accessed) with its purpose of use. */
    public void accessed(Client client, PurposeOfUse purpose, String resource) {
        outbox.emit(new RecordsEvents.RecordAccessed(client.id.toString(), purpose.name(), resource));
    }

    /** A page of clients as staff see them (a destroyed one has nothing to open); each identity shown is a recorded read. */
    public List<ClientShown> list(ClientStatus status, UUID after, int limit, PurposeOfUse purpose) {
        statements.requireAcknowledged();
        String practitioner = caller.is(Roles.MANAGER) ? null : caller.subject();
        List<Client> page = clients.page(caller.org(), status, practitioner, after, limit);
        int days = settings.daysOf(caller.org());
        List<ClientShown> shown = new java.util.ArrayList<>();
        for (Client c : page) {
            shown.add(shown(c, days));
            if (!c.destroyed()) accessed(c, purpose, "client-list");
        }
        return shown;
    }

    /** The identity, decrypted; null for a destroyed client (its key is gone). */
    public Identity identityOf(Client client) {
        if (client.identity == null || client.destroyed()) return null;
        try {
            return mapper.readValue(keys.open(client.id, IDENTITY_FIELD, client.identity), Identity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored identity of client " + client.id + " is unreadable", e);
        }
    }

    /** The client as staff see it (identity decrypted). */
    public ClientShown shown(Client c) {
        return shown(c, settings.daysOf(c.org));
    }

    private ClientShown shown(Client c, int retentionDays) {
        return new ClientShown(
                c,
                identityOf(c),
                retention.retainUntil(c.contactCeasedAt, retentionDays).orElse(null));
    }

    public OffsetDateTime retainUntil(Client client) {
        return retention
                .retainUntil(client.contactCeasedAt, settings.daysOf(client.org))
                .orElse(null);
    }

    private String write(Identity identity) {
        try {
            return mapper.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
