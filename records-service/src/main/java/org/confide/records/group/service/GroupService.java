package org.confide.records.group.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.events.access.ClientAccessRule;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.platform.problem.Violation;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.service.ClientService;
import org.confide.records.crypto.ClientKeys;
import org.confide.platform.crypto.FieldCipher;
import org.confide.records.group.GroupFacilitator;
import org.confide.records.group.GroupMember;
import org.confide.records.group.GroupSession;
import org.confide.records.group.PeerGroup;
import org.confide.records.group.repository.GroupFacilitatorRepository;
import org.confide.records.group.repository.GroupMemberRepository;
import org.confide.records.group.repository.GroupRepository;
import org.confide.records.group.repository.GroupSessionRepository;
import org.confide.records.group.rest.GroupDtos.GroupView;
import org.confide.records.group.rest.GroupDtos.MemberView;
import org.confide.records.group.rest.GroupDtos.OwnMembership;
import org.confide.records.group.rest.GroupDtos.SessionView;
import org.confide.records.group.rule.MembershipRule;
import org.confide.records.group.service.GroupCommands.AddMember;
import org.confide.records.group.service.GroupCommands.CreateGroup;
import org.confide.records.group.service.GroupCommands.RecordSession;
import org.confide.records.paging.TimeCursor;

/**
 * Peer groups and network meetings (R-CONF-3, R-CONF-4). Staff of the group (the org's managers and the group's
 * facilitators) run it; members never see each other. Every change is an event with ids and counts only: never the
 * group's name, an alias or a note.
 */
@ApplicationScoped
@Transactional
public class GroupService {

    static final String ALIAS = "group.alias";
    static final String NOTE = "group.session.note";

    private final MembershipRule rule = new MembershipRule();

    @Inject
    GroupRepository groups;

    @Inject
    GroupFacilitatorRepository facilitators;

    @Inject
    GroupMemberRepository members;

    @Inject
    GroupSessionRepository sessions;

    @Inject
    ClientRepository clientRows;

    @Inject
    ClientService clients;

    @Inject
    ClientKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public GroupView create(CreateGroup command) {
        PeerGroup g = new PeerGroup();
        g.id = UUID.randomUUID();
        g.org = caller.org();
        g.kind = command.kind();
        g.name = command.name().strip();
        g.programme = command.programme();
        g.createdBy = caller.subject();
        g.createdAt = now();
        // A session note speaks of several members, so no one client's key fits: the group has a data key of its own
        // in the key vault, sealed and destroyable exactly like a client's (R-REC-3).
        keys.create(g.id);
        groups.persist(g);
        addFacilitator(g, caller.subject());

        outbox.emit(new RecordsEvents.GroupCreated(g.id.toString(), g.kind.name(), g.programme.name(), facilitators.of(g.id)));
        return view(g, false);
    }

    /** A manager allocates another practitioner to the group; adding one already there changes nothing. */
    public GroupView facilitate(UUID groupId, String practitionerId) {
        PeerGroup g = groups.lockInOrg(caller.org(), groupId).orElseThrow(() -> ProblemException.notFound("group"));
        String p = practitionerId.strip();
        if (!facilitators.facilitates(g.id, p)) {
            addFacilitator(g, p);
            // consent-service and disclosure-service count the group's facilitators as allocated to its members (R-REC-1)
            outbox.emit(new RecordsEvents.GroupFacilitatorAdded(g.id.toString(), p));
        }
        return view(g, true);
    }

    /**
     * A member joins: a registered client of the org the caller works with, or an anonymous member (R-CONF-4), a new
     * client with no identity whose alias is held on this membership only; either way after agreeing to the ground
     * rules (R-CONF-3).
     */
    public MemberView join(UUID groupId, AddMember command) {
        PeerGroup g = staffGroup(groupId, true);
        rule.joinRefusal(command.clientId() != null, command.alias(), command.groundRulesAgreed()).ifPresent(r -> {
            throw ProblemException.unprocessable(r.rule(), r.field(), r.message());
        });
        boolean anonymous = command.clientId() == null;
        Client client;
        if (anonymous) {
            client = registerAnonymous(g);
        } else {
            // Adding a registered client makes the group's facilitators its allocated staff: only someone who already
            // works with the client may do it (R-REC-1); another org's client is 404.
            client = clients.forWork(command.clientId());
            if (members.currentOf(g.id, client.id).isPresent()) {
                throw ProblemException.conflict(null, "the client is already a current member of this group");
            }
        }
        GroupMember m = new GroupMember();
        m.id = UUID.randomUUID();
        m.groupId = g.id;
        m.org = g.org;
        m.clientId = client.id;
        String alias = anonymous ? command.alias().strip() : null;
        m.alias = alias == null ? null : keys.seal(client.id, ALIAS, alias);
        m.joinedAt = now();
        m.groundRulesAgreedAt = m.joinedAt;
        m.addedBy = caller.subject();
        members.persist(m);

        outbox.emit(new RecordsEvents.GroupMemberJoined(g.id.toString(), m.id.toString(), client.id.toString(), anonymous));
        return new MemberView(m.id, client.id, alias);
    }

    /** R-CONF-4: a client record with no identity, a normal client for retention, allocation and consent. */
    private Client registerAnonymous(PeerGroup g) {
        Client client = clients.create(g.org, g.programme, null, ClientStatus.ACTIVE, clients.registeringPractitioner());
        clients.emitRegistered(client, true, MembershipRule.ANONYMITY);
        return client;
    }

    /** The member leaves; the row stays with its leaving time. Leaving twice changes nothing. */
    public void leave(UUID groupId, UUID memberId) {
        PeerGroup g = staffGroup(groupId, true);
        GroupMember m = members.inGroup(g.id, memberId).orElseThrow(() -> ProblemException.notFound("member"));
        if (!m.current()) return;
        m.leftAt = now();
        outbox.emit(left(m));
    }

    /** A session with its attendance: every attendee a current member of this group (422 naming attendeeIds). */
    public SessionView record(UUID groupId, RecordSession command) {
        PeerGroup g = staffGroup(groupId, true);
        if (command.sessionDate().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ProblemException.unprocessable(null, "sessionDate", "a session that took place: the date is in the future");
        }
        List<UUID> attendees = new ArrayList<>(new LinkedHashSet<>(command.attendeeIds()));
        Set<UUID> current = new HashSet<>();
        members.current(g.id).forEach(m -> current.add(m.id));
        List<Object> strangers = rule.notCurrentMembers(attendees, current);
        if (!strangers.isEmpty()) {
            throw new ProblemException(422, "Unprocessable request",
                    "attendeeIds: only current members of this group attend its sessions; not members: " + strangers,
                    null, List.of(new Violation("attendeeIds", "not current members of this group: " + strangers)));
        }
        GroupSession s = new GroupSession();
        s.id = UUID.randomUUID();
        s.groupId = g.id;
        s.org = g.org;
        s.sessionDate = command.sessionDate();
        boolean hasNote = command.note() != null && !command.note().isBlank();
        s.note = hasNote ? keys.seal(g.id, NOTE, command.note()) : null;
        s.authorId = caller.subject();
        s.createdAt = now();
        sessions.persist(s);
        attendees.forEach(a -> sessions.attend(s.id, a));

        outbox.emit(new RecordsEvents.GroupSessionRecorded(g.id.toString(), s.id.toString(), attendees.size(),
                attendees.stream().map(UUID::toString).toList()));
        return new SessionView(s.id, g.id, s.sessionDate, attendees, attendees.size(), hasNote ? command.note() : null,
                s.authorId, s.createdAt);
    }

    public GroupView read(UUID groupId) {
        return view(staffGroup(groupId, false), true);
    }

    /** One session of the group as it is now (an Idempotency-Key replay). */
    public SessionView session(UUID groupId, UUID sessionId) {
        PeerGroup g = staffGroup(groupId, false);
        GroupSession s = sessions.findByIdOptional(sessionId).filter(x -> x.groupId.equals(g.id))
                .orElseThrow(() -> ProblemException.notFound("session"));
        List<UUID> ids = sessions.attendeesOf(List.of(s.id)).getOrDefault(s.id, List.of());
        return new SessionView(s.id, g.id, s.sessionDate, ids, ids.size(), open(g.id, NOTE, s.note), s.authorId, s.createdAt);
    }

    /** A page of the group's sessions with attendance and notes (the group's staff only read them). */
    public List<SessionView> sessions(UUID groupId, TimeCursor after, int limit) {
        PeerGroup g = staffGroup(groupId, false);
        List<GroupSession> page = sessions.page(g.id, after, limit);
        Map<UUID, List<UUID>> attendance = sessions.attendeesOf(page.stream().map(s -> s.id).toList());
        return page.stream().map(s -> {
            List<UUID> ids = attendance.getOrDefault(s.id, List.of());
            return new SessionView(s.id, g.id, s.sessionDate, ids, ids.size(), open(g.id, NOTE, s.note), s.authorId,
                    s.createdAt);
        }).toList();
    }

    /** R-REC-2 / R-CONF-4: the client's own memberships and attendance; nothing of any other member. */
    public List<OwnMembership> ownMemberships(Client client) {
        if (client.destroyed()) return List.of();
        List<OwnMembership> out = new ArrayList<>();
        for (GroupMember m : members.ofClient(client.id)) {
            PeerGroup g = groups.findById(m.groupId);
            out.add(new OwnMembership(g.id, g.kind, g.name, open(client.id, ALIAS, m.alias), m.joinedAt, m.leftAt,
                    sessions.attendedBy(m.id)));
        }
        return out;
    }

    /** The aliases a client is known by in its groups (R-CONF-2: supervision material must not use them either). */
    public List<String> aliasesOf(UUID clientId) {
        return members.ofClient(clientId).stream().map(m -> open(clientId, ALIAS, m.alias))
                .filter(a -> a != null).distinct().toList();
    }

    /**
     * R-REC-3: a destroyed client leaves every group it was in (consent-service's copy follows) and its aliases go;
     * called by retention inside the destruction's transaction.
     */
    public void destroyed(UUID clientId, Actor actor, String correlationId, OffsetDateTime now) {
        for (GroupMember m : members.ofClient(clientId)) {
            m.alias = null;
            if (m.current()) {
                m.leftAt = now;
                outbox.emit(left(m), actor, correlationId);
            }
        }
    }

    private static RecordsEvents.GroupMemberLeft left(GroupMember m) {
        return new RecordsEvents.GroupMemberLeft(m.groupId.toString(), m.id.toString(), m.clientId.toString());
    }

    /**
     * The group, if the caller is its staff: another org's is 404; a practitioner who does not facilitate it 403
     * (docs/api.md conventions, R-REC-1). {@code lock} serialises changes to one group's membership.
     */
    private PeerGroup staffGroup(UUID groupId, boolean lock) {
        PeerGroup g = (lock ? groups.lockInOrg(caller.org(), groupId) : groups.findInOrg(caller.org(), groupId))
                .orElseThrow(() -> ProblemException.notFound("group"));
        if (caller.is(Roles.MANAGER)) return g;
        if (caller.is(Roles.PRACTITIONER) && facilitators.facilitates(g.id, caller.subject())) return g;
        throw new ProblemException(403, "Forbidden", "you are not a facilitator of this group", ClientAccessRule.RULE, null);
    }

    private void addFacilitator(PeerGroup g, String practitionerId) {
        GroupFacilitator f = new GroupFacilitator();
        f.id = UUID.randomUUID();
        f.groupId = g.id;
        f.practitionerId = practitionerId;
        f.addedAt = now();
        facilitators.persist(f);
    }

    private GroupView view(PeerGroup g, boolean withMembers) {
        List<MemberView> memberViews = !withMembers ? List.of() : members.current(g.id).stream()
                .map(m -> new MemberView(m.id, m.clientId, open(m.clientId, ALIAS, m.alias))).toList();
        return new GroupView(g.id, g.kind, g.name, g.programme, facilitators.of(g.id), memberViews);
    }

    /** Stored times keep milliseconds, as every other time of this service (ClientService). */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A sealed value, or null when none was stored or its key is gone (R-REC-3). */
    private String open(UUID keyId, String field, byte[] sealed) {
        if (sealed == null) return null;
        try {
            return keys.open(keyId, field, sealed);
        } catch (FieldCipher.Unreadable gone) {
            return null;
        }
    }
}
