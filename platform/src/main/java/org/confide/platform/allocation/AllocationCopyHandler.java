package org.confide.platform.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.platform.events.CloudEvent;
import org.jboss.logging.Logger;

/**
 * Applies records-events to the local copy of allocations and group memberships, each event once
 * (processed_event), the whole batch in one transaction. Events of one client share a partition (key = client id),
 * so they arrive in order.
 */
@ApplicationScoped
public class AllocationCopyHandler {

    static final String CONSUMER = "allocation-copy";
    private static final Logger LOG = Logger.getLogger(AllocationCopyHandler.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    @Inject
    Event<ClientDestroyed> destroyed;

    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> r : batch) {
            CloudEvent e;
            try {
                e = CloudEvent.parse(mapper, r.value());
            } catch (CloudEvent.InvalidEventException bad) {
                LOG.warnf("ignoring %s[%d]@%d: %s", r.topic(), r.partition(), r.offset(), bad.getMessage());
                continue;
            }
            if (processed.firstTime(CONSUMER, e.id())) {
                apply(e);
            }
        }
    }

    void apply(CloudEvent e) {
        JsonNode d = e.data() == null ? mapper.createObjectNode() : e.data();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (e.type().equals("group.created")) {
            String groupId = text(d, "groupId", null);
            // A group with no member yet is known, so a decision for it is DENY (nobody consented), not 404.
            if (groupId != null) {
                em.createNativeQuery("insert into known_group (group_id, org, created_at) values (?1, ?2, ?3) "
                                + "on conflict (group_id) do nothing")
                        .setParameter(1, groupId).setParameter(2, e.org()).setParameter(3, now).executeUpdate();
            }
            return;
        }
        String clientId = text(d, "clientId", e.subject());
        if (clientId == null) return;
        switch (e.type()) {
            case "client.registered" -> upsert(clientId, e.org(), text(d, "allocatedPractitionerId", null),
                    text(d, "status", "ACTIVE"), true, now);
            case "referral.received" -> upsert(clientId, e.org(), null, "REFERRED", false, now);
            case "milestone.recorded" -> {
                String type = text(d, "type", "");
                if (type.equals("PRACTITIONER_ALLOCATED")) {
                    ClientAllocation a = ensure(clientId, e.org(), now);
                    a.practitionerId = text(d, "practitionerId", a.practitionerId);
                    if ("REFERRED".equals(a.status)) a.status = "ACTIVE";
                } else if (type.equals("CONTACT_CEASED")) {
                    ensure(clientId, e.org(), now).status = "CONTACT_CEASED";
                } else if (type.equals("INITIAL_MEETING_HELD")) {
                    ClientAllocation a = ensure(clientId, e.org(), now);
                    if ("REFERRED".equals(a.status)) a.status = "ACTIVE";
                }
            }
            case "client.destroyed" -> {
                ClientAllocation a = ensure(clientId, e.org(), now);
                a.status = "DESTROYED";
                a.practitionerId = null;
                destroyed.fire(new ClientDestroyed(a.org, clientId)); // R-REC-3: each service destroys its own copies
            }
            case "group.member-joined", "group.member-left" -> {
                String groupId = text(d, "groupId", null);
                if (groupId == null) return;
                ensure(clientId, e.org(), now);
                GroupMembership.Key key = new GroupMembership.Key();
                key.groupId = groupId;
                key.clientId = clientId;
                GroupMembership m = em.find(GroupMembership.class, key);
                if (m == null) {
                    m = new GroupMembership();
                    m.groupId = groupId;
                    m.clientId = clientId;
                    m.org = e.org();
                    m.updatedAt = now;
                    em.persist(m);
                }
                m.active = e.type().equals("group.member-joined");
                m.updatedAt = now;
            }
            default -> {
                // Other records events say nothing about allocation.
            }
        }
    }

    private void upsert(String clientId, String org, String practitioner, String status, boolean overwritePractitioner,
                        OffsetDateTime now) {
        ClientAllocation a = ensure(clientId, org, now);
        if (overwritePractitioner || practitioner != null) a.practitionerId = practitioner;
        a.status = status;
    }

    private ClientAllocation ensure(String clientId, String org, OffsetDateTime now) {
        ClientAllocation a = em.find(ClientAllocation.class, clientId);
        if (a == null) {
            a = new ClientAllocation();
            a.clientId = clientId;
            a.org = org;
            a.status = "ACTIVE";
            a.updatedAt = now;
            em.persist(a);
        }
        a.updatedAt = now;
        return a;
    }

    private static String text(JsonNode d, String field, String fallback) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
