package org.confide.records.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.confide.records.client.Programme;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.rest.ClientDtos.ClientView;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.client.rest.ClientDtos.Referral;
import org.confide.records.client.rest.ClientDtos.RegisterClient;
import org.confide.records.client.rest.ClientDtos.Tombstone;
import org.confide.records.client.rule.IntakeRule;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.group.repository.GroupFacilitatorRepository;
import org.confide.records.retention.repository.RetentionSettingRepository;
import org.confide.records.retention.rule.RetentionRule;

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
    AgeBandService ageBands;

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    public Client register(RegisterClient command) {
        intake.refusal(command.limitsExplained()).ifPresent(reason -> {
            throw ProblemException.unprocessable(IntakeRule.RULE, "limitsExplained", reason);
        });
        Client client = create(caller.org(), command.programme(), command.identity(), ClientStatus.ACTIVE, registeringPractitioner());
        client.limitsExplainedAt = client.createdAt;
        emitRegistered(client, false, IntakeRule.RULE);
        return client;
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
        outbox.emit(new RecordsEvents.ClientRegistered(client.id.toString(), client.programme.name(), client.status.name(),
                client.allocatedPractitionerId, anonymous ? null : true, anonymous ? true : null, rule,
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
        client.createdAt = now();
        clients.persist(client);
        return client;
    }

    /** A client the caller may read (R-REC-1); the read itself is recorded with its purpose. */
    public Client read(UUID id, PurposeOfUse purpose) {
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
        Client client = clients.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        if (!access.mayAct(caller.roles(), caller.subject(), client.allocatedPractitionerId,
                () -> facilitators.facilitatesGroupOf(client.id, caller.subject()))) {
            throw new ProblemException(403, "Forbidden", "you are not allocated to this client", ClientAccessRule.RULE, null);
        }
        return client;
    }

    /** As {@link #forStaff}, for a change: a destroyed client takes none (R-REC-3). */
    public Client forWork(UUID id) {
        Client client = forStaff(id);
        if (client.destroyed()) {
            throw ProblemException.conflict(RetentionRule.RULE, "the client's record was destroyed at the end of retention");
        }
        return client;
    }

    /** Records a read of client data (record.accessed) with its purpose of use. */
    public void accessed(Client client, PurposeOfUse purpose, String resource) {
        outbox.emit(new RecordsEvents.RecordAccessed(client.id.toString(), purpose.name(), resource));
    }

    /** A page of clients as staff see them (a destroyed one as its tombstone); each identity shown is a recorded read. */
    public Listed list(ClientStatus status, UUID after, int limit, PurposeOfUse purpose) {
        String practitioner = caller.is(Roles.MANAGER) ? null : caller.subject();
        List<Client> page = clients.page(caller.org(), status, practitioner, after, limit);
        int days = settings.daysOf(caller.org());
        List<Object> views = new java.util.ArrayList<>();
        for (Client c : page) {
            if (c.destroyed()) {
                views.add(new Tombstone(c.id, c.status, c.destroyedAt));
            } else {
                views.add(viewOf(c, days));
                accessed(c, purpose, "client-list");
            }
        }
        return new Listed(page, views);
    }

    public record Listed(List<Client> clients, List<Object> views) {
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

    /** The client as docs/api.md shows it to staff (identity decrypted). */
    public ClientView viewOf(Client c) {
        return viewOf(c, settings.daysOf(c.org));
    }

    private ClientView viewOf(Client c, int retentionDays) {
        return new ClientView(c.id, c.org, c.programme, c.status, c.allocatedPractitionerId,
                c.referralId == null ? null : new Referral(c.referralId, c.referrerOrg), c.createdAt,
                c.contactCeasedAt, retention.retainUntil(c.contactCeasedAt, retentionDays).orElse(null), c.legalHold,
                identityOf(c), c.limitsExplainedAt);
    }

    public OffsetDateTime retainUntil(Client client) {
        return retention.retainUntil(client.contactCeasedAt, settings.daysOf(client.org)).orElse(null);
    }

    private String write(Identity identity) {
        try {
            return mapper.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
