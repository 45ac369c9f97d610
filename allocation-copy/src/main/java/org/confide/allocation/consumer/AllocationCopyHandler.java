package org.confide.allocation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.allocation.repository.ClientAllocation;
import org.confide.allocation.repository.GroupMembership;
import org.confide.allocation.service.AllocationCopyListener;
import org.confide.allocation.service.ClientDestroyed;
import org.confide.events.EventData;
import org.confide.events.Events;
import org.confide.events.RecordsEvents;
import org.confide.events.RecordsEvents.ClientRegistered;
import org.confide.events.RecordsEvents.GroupCreated;
import org.confide.events.RecordsEvents.GroupFacilitatorAdded;
import org.confide.events.RecordsEvents.GroupMemberJoined;
import org.confide.events.RecordsEvents.GroupMemberLeft;
import org.confide.events.RecordsEvents.MilestoneRecorded;
import org.confide.events.RecordsEvents.ReferralReceived;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.events.EventJson;
import org.confide.platform.kafka.ProcessedEvents;
import org.jboss.logging.Logger;

/**
 * Applies records-events, read as their records, to the local copy of allocations and group memberships, each event
 * once (processed_event), the whole batch in one transaction. Events of one client share a partition (key = client
 * id), so they arrive in order; an event that is not what its type declares is logged and skipped.
 */
@ApplicationScoped
public class AllocationCopyHandler {

    static final String CONSUMER = "allocation-copy";
    private static final Logger LOG = Logger.getLogger(AllocationCopyHandler.class);

    @Inject
    @Any
    Instance<AllocationCopyListener> listeners;

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
            EventData data;
            try {
                e = CloudEvent.parse(mapper, r.value());
                if (!READ.contains(e.type())) continue; // other records events say nothing about allocation
                data = EventJson.read(mapper, e);
            } catch (CloudEvent.InvalidEventException bad) {
                LOG.warnf("ignoring %s[%d]@%d: %s", r.topic(), r.partition(), r.offset(), bad.getMessage());
                continue;
            }
            if (processed.firstTime(CONSUMER, e.id())) {
                apply(e.org(), data);
                for (AllocationCopyListener listener : listeners) listener.copied(e.org(), data);
            }
        }
    }

    /** The types this copy is built from (docs/api.md "Who works with which client"). */
    static final Set<String> READ = Stream.of(
                    ClientRegistered.class,
                    ReferralReceived.class,
                    MilestoneRecorded.class,
                    RecordsEvents.ClientDestroyed.class,
                    GroupCreated.class,
                    GroupFacilitatorAdded.class,
                    GroupMemberJoined.class,
                    GroupMemberLeft.class,
                    RecordsEvents.ClientAgeBandChanged.class)
            .map(c -> Events.of(c).name())
            .collect(Collectors.toUnmodifiableSet());

    void apply(String org, EventData event) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        switch (event) {
            // A group with no member yet is known, so a decision for it is DENY (nobody consented), not 404.
            case GroupCreated g -> {
                em.createNativeQuery("insert into known_group (group_id, org, created_at) values (?1, ?2, ?3) "
                                + "on conflict (group_id) do nothing")
                        .setParameter(1, g.groupId())
                        .setParameter(2, org)
                        .setParameter(3, now)
                        .executeUpdate();
                for (String p : g.facilitatorIds()) facilitator(g.groupId(), p, org, now);
            }
            case GroupFacilitatorAdded f -> facilitator(f.groupId(), f.practitionerId(), org, now);
            case ClientRegistered c -> upsert(c.clientId(), org, c.allocatedPractitionerId(), c.status(), true, now);
            case ReferralReceived r -> upsert(r.clientId(), org, null, "REFERRED", false, now);
            case MilestoneRecorded m -> {
                switch (m.type()) {
                    case "PRACTITIONER_ALLOCATED" -> {
                        ClientAllocation a = ensure(m.clientId(), org, now);
                        if (m.practitionerId() != null) a.practitionerId = m.practitionerId();
                        if ("REFERRED".equals(a.status)) a.status = "ACTIVE";
                    }
                    case "CONTACT_CEASED" -> ensure(m.clientId(), org, now).status = "CONTACT_CEASED";
                    case "INITIAL_MEETING_HELD" -> {
                        ClientAllocation a = ensure(m.clientId(), org, now);
                        if ("REFERRED".equals(a.status)) a.status = "ACTIVE";
                    }
                    default -> {
                        // A milestone that changes nobody's allocation.
                    }
                }
            }
            case RecordsEvents.ClientDestroyed d -> {
                ClientAllocation a = ensure(d.clientId(), org, now);
                a.status = "DESTROYED";
                a.practitionerId = null;
                destroyed.fire(
                        new ClientDestroyed(a.org, d.clientId())); // R-REC-3: each service destroys its own copies
            }
            case GroupMemberJoined j -> membership(j.groupId(), j.clientId(), org, true, now);
            case GroupMemberLeft l -> membership(l.groupId(), l.clientId(), org, false, now);
            default -> {
                // Other records events say nothing about allocation.
            }
        }
    }

    /** A group's facilitators count as allocated to its current members (R-REC-1, docs/domain.md "Allocated"). */
    private void facilitator(String groupId, String practitionerId, String org, OffsetDateTime now) {
        em.createNativeQuery(
                        "insert into group_facilitator (group_id, practitioner_id, org, added_at) values (?1, ?2, ?3, ?4) "
                                + "on conflict (group_id, practitioner_id) do nothing")
                .setParameter(1, groupId)
                .setParameter(2, practitionerId)
                .setParameter(3, org)
                .setParameter(4, now)
                .executeUpdate();
    }

    private void membership(String groupId, String clientId, String org, boolean active, OffsetDateTime now) {
        ensure(clientId, org, now);
        GroupMembership.Key key = new GroupMembership.Key();
        key.groupId = groupId;
        key.clientId = clientId;
        GroupMembership m = em.find(GroupMembership.class, key);
        if (m == null) {
            m = new GroupMembership();
            m.groupId = groupId;
            m.clientId = clientId;
            m.org = org;
            m.updatedAt = now;
            em.persist(m);
        }
        m.active = active;
        m.updatedAt = now;
    }

    private void upsert(
            String clientId,
            String org,
            String practitioner,
            String status,
            boolean overwritePractitioner,
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
}
