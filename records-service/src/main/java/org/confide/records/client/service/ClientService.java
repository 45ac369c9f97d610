package org.confide.records.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.rest.ClientDtos.Identity;
import org.confide.records.client.rest.ClientDtos.RegisterClient;
import org.confide.records.client.rule.ClientAccessRule;
import org.confide.records.client.rule.IntakeRule;

/** Registering and reading clients; each change and read is recorded as an event in the same transaction. */
@ApplicationScoped
@Transactional
public class ClientService {

    private final IntakeRule intake = new IntakeRule();
    private final ClientAccessRule access = new ClientAccessRule();

    @Inject
    ClientRepository clients;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    public Client register(RegisterClient command) {
        intake.refusal(command.limitsExplained()).ifPresent(reason -> {
            throw ProblemException.unprocessable(IntakeRule.RULE, "limitsExplained", reason);
        });
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.org = caller.org();
        client.programme = command.programme();
        client.status = ClientStatus.ACTIVE;
        // A practitioner who registers a client is allocated to it (API.md).
        client.allocatedPractitionerId = caller.is(Roles.PRACTITIONER) && !caller.is(Roles.MANAGER) ? caller.subject() : null;
        client.limitsExplainedAt = now;
        client.identity = write(command.identity());
        client.createdAt = now;
        clients.persist(client);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientId", client.id.toString());
        data.put("programme", client.programme.name());
        data.put("status", client.status.name());
        data.put("allocatedPractitionerId", client.allocatedPractitionerId);
        data.put("limitsExplained", true);
        data.put("rule", IntakeRule.RULE);
        outbox.emit("client.registered", client.id.toString(), data);
        return client;
    }

    /** A client the caller may read (R-REC-1); the read itself is recorded with its purpose. */
    public Client read(UUID id, PurposeOfUse purpose) {
        Client client = clients.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("client"));
        if (!access.mayRead(caller.roles(), caller.subject(), client.allocatedPractitionerId)) {
            throw new ProblemException(403, "Forbidden", "you are not allocated to this client", ClientAccessRule.RULE, null);
        }
        outbox.emit("record.accessed", client.id.toString(), Map.of(
                "clientId", client.id.toString(), "purposeOfUse", purpose.name(), "resource", "client"));
        return client;
    }

    public List<Client> list(ClientStatus status, UUID after, int limit) {
        String practitioner = caller.is(Roles.MANAGER) ? null : caller.subject();
        return clients.page(caller.org(), status, practitioner, after, limit);
    }

    public Identity identityOf(Client client) {
        try {
            return mapper.readValue(client.identity, Identity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored identity of client " + client.id + " is unreadable", e);
        }
    }

    private String write(Identity identity) {
        try {
            return mapper.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
