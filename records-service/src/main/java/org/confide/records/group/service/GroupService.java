package org.confide.records.group.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.confide.platform.crypto.FieldCipher;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;
import org.confide.platform.problem.Violation;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.client.service.ClientService;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.group.GroupAttendance;
import org.confide.records.group.GroupDeparture;
import org.confide.records.group.GroupExclusion;
import org.confide.records.group.GroupFacilitator;
import org.confide.records.group.GroupMember;
import org.confide.records.group.GroupSession;
import org.confide.records.group.PeerGroup;
import org.confide.records.group.repository.GroupDepartureRepository;
import org.confide.records.group.repository.GroupExclusionRepository;
import org.confide.records.group.repository.GroupFacilitatorRepository;
import org.confide.records.group.repository.GroupMemberRepository;
import org.confide.records.group.repository.GroupRepository;
import org.confide.records.group.repository.GroupSessionRepository;
import org.confide.records.group.rule.BehaviourRule;
import org.confide.records.group.rule.MembershipRule;
import org.confide.records.group.rule.SafetyRefusal;
import org.confide.records.group.rule.SafetyRule;
import org.confide.records.group.service.GroupCommands.AddMember;
import org.confide.records.group.service.GroupCommands.AskToLeave;
import org.confide.records.group.service.GroupCommands.CreateGroup;
import org.confide.records.group.service.GroupCommands.EndSession;
import org.confide.records.group.service.GroupCommands.Exclude;
import org.confide.records.group.service.GroupCommands.RecordSession;
import org.confide.records.group.service.GroupResults.AskedToLeave;
import org.confide.records.group.service.GroupResults.DepartureView;
import org.confide.records.group.service.GroupResults.ExclusionView;
import org.confide.records.group.service.GroupResults.GroupView;
import org.confide.records.group.service.GroupResults.MemberView;
import org.confide.records.group.service.GroupResults.OwnDeparture;
import org.confide.records.group.service.GroupResults.OwnExclusion;
import org.confide.records.group.service.GroupResults.OwnMembership;
import org.confide.records.group.service.GroupResults.SessionEnded;
import org.confide.records.group.service.GroupResults.SessionView;
import org.confide.records.paging.TimeCursor;
import org.confide.records.statement.service.StatementService;
import org.confide.records.time.Times;

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
    private final BehaviourRule behaviour = new BehaviourRule();
    private final SafetyRule safety = new SafetyRule();

    @Inject
    GroupRepository groups;

    @Inject
    GroupFacilitatorRepository facilitators;

    @Inject
    GroupMemberRepository members;

    @Inject
    GroupSessionRepository sessions;

    @Inject
    GroupDepartureRepository departures;

    @Inject
    GroupExclusionRepository exclusions;

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

    @Inject
    StatementService statements;

    public GroupView create(CreateGroup command) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
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

        outbox.emit(new RecordsEvents.GroupCreated(
                g.id.toString(), g.kind.name(), g.programme.name(), facilitators.of(g.id)));
        return view(g, false);
    }

    /** A manager allocates another practitioner to the group; adding one already there changes nothing. */
    public GroupView facilitate(UUID groupId, String practitionerId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = groups.lockInOrg(caller.org(), groupId).orElseThrow(() -> ProblemException.notFound("group"));
        String p = practitionerId.strip();
        if (!facilitators.facilitates(g.id, p)) {
            addFacilitator(g, p);
            // consent-service and disclosure-service count the group's facilitators as allocated to its members
            // (R-REC-1)
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
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        rule.joinRefusal(command.clientId() != null, command.alias(), command.groundRulesAgreed())
                .ifPresent(r -> {
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
            // R-SAFE-2: an excluded client is not added again until a manager lifts the exclusion.
            refuse(safety.joinRefusal(exclusions.inForce(g.id, client.id).isPresent()));
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

        outbox.emit(
                new RecordsEvents.GroupMemberJoined(g.id.toString(), m.id.toString(), client.id.toString(), anonymous));
        return new MemberView(m.id, client.id, alias);
    }

    /** R-CONF-4: a client record with no identity, a normal client for retention, allocation and consent. */
    private Client registerAnonymous(PeerGroup g) {
        Client client =
                clients.create(g.org, g.programme, null, ClientStatus.ACTIVE, clients.registeringPractitioner());
        clients.emitRegistered(client, true, MembershipRule.ANONYMITY);
        return client;
    }

    /** The member leaves; the row stays with its leaving time. Leaving twice changes nothing. */
    public void leave(UUID groupId, UUID memberId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        GroupMember m = members.inGroup(g.id, memberId).orElseThrow(() -> ProblemException.notFound("member"));
        if (!m.current()) return;
        m.leftAt = now();
        outbox.emit(left(m));
    }

    /** A session with its attendance: every attendee a current member of this group (422 naming attendeeIds). */
    public SessionView record(UUID groupId, RecordSession command) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        if (command.sessionDate().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ProblemException.unprocessable(
                    null, "sessionDate", "a session that took place: the date is in the future");
        }
        List<UUID> attendees = new ArrayList<>(new LinkedHashSet<>(command.attendeeIds()));
        List<Object> excluded = safety.excludedAttendees(attendees, exclusions.excludedMembers(g.id));
        if (!excluded.isEmpty()) {
            throw new ProblemException(
                    422,
                    "Unprocessable request",
                    "attendeeIds: excluded members do not attend this group's sessions (R-SAFE-2): " + excluded,
                    SafetyRule.RULE,
                    List.of(new Violation("attendeeIds", "excluded from this group: " + excluded)));
        }
        Set<UUID> current = new HashSet<>();
        members.current(g.id).forEach(m -> current.add(m.id));
        List<Object> strangers = rule.notCurrentMembers(attendees, current);
        if (!strangers.isEmpty()) {
            throw new ProblemException(
                    422,
                    "Unprocessable request",
                    "attendeeIds: only current members of this group attend its sessions; not members: " + strangers,
                    null,
                    List.of(new Violation("attendeeIds", "not current members of this group: " + strangers)));
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

        outbox.emit(new RecordsEvents.GroupSessionRecorded(
                g.id.toString(),
                s.id.toString(),
                attendees.size(),
                attendees.stream().map(UUID::toString).toList()));
        return new SessionView(
                s.id,
                g.id,
                s.sessionDate,
                attendees,
                attendees.size(),
                hasNote ? command.note() : null,
                s.authorId,
                s.createdAt,
                List.of(),
                null);
    }

    public GroupView read(UUID groupId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        return view(staffGroup(groupId, false), true);
    }

    /** One session of the group as it is now (an Idempotency-Key replay). */
    public SessionView session(UUID groupId, UUID sessionId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, false);
        GroupSession s = sessions.findByIdOptional(sessionId)
                .filter(x -> x.groupId.equals(g.id))
                .orElseThrow(() -> ProblemException.notFound("session"));
        return views(g, List.of(s)).getFirst();
    }

    /** A page of the group's sessions with attendance and notes (the group's staff only read them). */
    public List<SessionView> sessions(UUID groupId, TimeCursor after, int limit) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, false);
        return views(g, sessions.page(g.id, after, limit));
    }

    /** These sessions of the group as staff see them: attendance, note, departures and an early end (codes, member ids). */
    private List<SessionView> views(PeerGroup g, List<GroupSession> page) {
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        Map<UUID, List<UUID>> attendance = sessions.attendeesOf(ids);
        Map<UUID, List<UUID>> supported = sessions.supportedOf(ids);
        Map<UUID, List<GroupDeparture>> left = departures.ofSessions(ids);
        return page.stream()
                .map(s -> {
                    List<UUID> attendees = attendance.getOrDefault(s.id, List.of());
                    List<AskedToLeave> asked = left.getOrDefault(s.id, List.of()).stream()
                            .map(d -> new AskedToLeave(d.memberId, d.reason))
                            .toList();
                    SessionEnded ended = s.endReason == null
                            ? null
                            : new SessionEnded(
                                    s.endReason, s.endedBy, s.endedAt, supported.getOrDefault(s.id, List.of()));
                    return new SessionView(
                            s.id,
                            g.id,
                            s.sessionDate,
                            attendees,
                            attendees.size(),
                            open(g.id, NOTE, s.note),
                            s.authorId,
                            s.createdAt,
                            asked,
                            ended);
                })
                .toList();
    }

    /**
     * R-SAFE-1: an attendee of the session was asked to leave it, for a reason code; nothing of what was said is taken
     * (the request has no text field) or sent.
     */
    public DepartureView askToLeave(UUID groupId, UUID sessionId, AskToLeave command) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        GroupSession s = sessionOf(g, sessionId);
        GroupMember m = members.inGroup(g.id, command.memberId()).orElse(null);
        boolean attended = m != null
                && sessions.attendeesOf(List.of(s.id))
                        .getOrDefault(s.id, List.of())
                        .contains(m.id);
        refuse(behaviour.askedToLeaveRefusal(command.reason(), attended, attended && departures.recorded(s.id, m.id)));
        GroupDeparture d = new GroupDeparture();
        d.id = UUID.randomUUID();
        d.groupId = g.id;
        d.org = g.org;
        d.sessionId = s.id;
        d.memberId = m.id;
        d.clientId = m.clientId;
        d.reason = command.reason();
        d.recordedBy = caller.subject();
        d.recordedAt = now();
        departures.persist(d);
        outbox.emit(new RecordsEvents.GroupMemberAskedToLeave(
                g.id.toString(),
                s.id.toString(),
                m.id.toString(),
                m.clientId.toString(),
                d.reason.name(),
                BehaviourRule.RULE));
        return departureView(d);
    }

    /** One departure as it is now (an Idempotency-Key replay). */
    public DepartureView departure(UUID groupId, UUID sessionId, UUID departureId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, false);
        return departures
                .findByIdOptional(departureId)
                .filter(d -> d.groupId.equals(g.id) && d.sessionId.equals(sessionId))
                .map(GroupService::departureView)
                .orElseThrow(() -> ProblemException.notFound("departure"));
    }

    /** R-SAFE-2: the facilitator ended the whole session early and offered support to the affected attendees. */
    public SessionView end(UUID groupId, UUID sessionId, EndSession command) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        GroupSession s = sessionOf(g, sessionId);
        List<GroupAttendance> attendance = sessions.attendanceOf(s.id);
        Set<UUID> attendees = new HashSet<>();
        attendance.forEach(a -> attendees.add(a.memberId));
        List<UUID> supported = command.supportOfferedTo() == null
                ? null
                : new ArrayList<>(new LinkedHashSet<>(command.supportOfferedTo()));
        refuse(safety.endRefusal(command.reason(), s.endReason != null, supported, attendees));
        OffsetDateTime at = now();
        s.endReason = command.reason();
        s.endedBy = caller.subject();
        s.endedAt = at;
        attendance.stream().filter(a -> supported.contains(a.memberId)).forEach(a -> a.supportOfferedAt = at);
        outbox.emit(new RecordsEvents.GroupSessionEnded(
                g.id.toString(),
                s.id.toString(),
                s.endReason.name(),
                supported.size(),
                supported.stream().map(UUID::toString).toList(),
                SafetyRule.RULE));
        return views(g, List.of(s)).getFirst();
    }

    /**
     * R-SAFE-2 / R-SAFE-1: the member is excluded from the group (the members' decision, or repeated behaviour after
     * being asked to leave twice) and leaves it; the client cannot be re-added until a manager lifts the exclusion.
     */
    public ExclusionView exclude(UUID groupId, Exclude command) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        GroupMember m =
                members.inGroup(g.id, command.memberId()).orElseThrow(() -> ProblemException.notFound("member"));
        refuse(safety.exclusionRefusal(
                command.reason(),
                exclusions.inForce(g.id, m.clientId).isPresent(),
                departures.timesOf(g.id, m.clientId)));
        GroupExclusion e = new GroupExclusion();
        e.id = UUID.randomUUID();
        e.groupId = g.id;
        e.org = g.org;
        e.memberId = m.id;
        e.clientId = m.clientId;
        e.reason = command.reason();
        e.decidedBy = caller.subject();
        e.decidedAt = now();
        exclusions.persist(e);
        if (m.current()) {
            m.leftAt = e.decidedAt;
            outbox.emit(left(m)); // the allocation copies drop the membership as for any leaving (R-REC-1)
        }
        outbox.emit(new RecordsEvents.GroupMemberExcluded(
                g.id.toString(),
                e.id.toString(),
                m.id.toString(),
                m.clientId.toString(),
                e.reason.name(),
                SafetyRule.ruleOf(e.reason)));
        return exclusionView(e);
    }

    /** A manager lifts an exclusion (R-SAFE-2): the client may be added again; lifting a lifted one changes nothing. */
    public ExclusionView lift(UUID groupId, UUID exclusionId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, true);
        GroupExclusion e =
                exclusions.inGroup(g.id, exclusionId).orElseThrow(() -> ProblemException.notFound("exclusion"));
        if (e.inForce()) {
            e.liftedBy = caller.subject();
            e.liftedAt = now();
            outbox.emit(new RecordsEvents.GroupExclusionLifted(
                    g.id.toString(), e.id.toString(), e.clientId.toString(), SafetyRule.RULE));
        }
        return exclusionView(e);
    }

    public ExclusionView exclusion(UUID groupId, UUID exclusionId) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, false);
        return exclusions
                .inGroup(g.id, exclusionId)
                .map(GroupService::exclusionView)
                .orElseThrow(() -> ProblemException.notFound("exclusion"));
    }

    /** A page of the group's exclusions, lifted ones included. */
    public List<ExclusionView> exclusions(UUID groupId, TimeCursor after, int limit) {
        statements.requireAcknowledged(); // R-REC-6: group work is client work
        PeerGroup g = staffGroup(groupId, false);
        return exclusions.page(g.id, after, limit).stream()
                .map(GroupService::exclusionView)
                .toList();
    }

    private GroupSession sessionOf(PeerGroup g, UUID sessionId) {
        return sessions.findByIdOptional(sessionId)
                .filter(x -> x.groupId.equals(g.id))
                .orElseThrow(() -> ProblemException.notFound("session"));
    }

    private static void refuse(java.util.Optional<SafetyRefusal> refusal) {
        refusal.ifPresent(r -> {
            throw r.status() == 409
                    ? ProblemException.conflict(r.rule(), r.message())
                    : ProblemException.unprocessable(r.rule(), r.field(), r.message());
        });
    }

    private static DepartureView departureView(GroupDeparture d) {
        return new DepartureView(
                d.id, d.groupId, d.sessionId, d.memberId, d.reason, BehaviourRule.RULE, d.recordedBy, d.recordedAt);
    }

    private static ExclusionView exclusionView(GroupExclusion e) {
        return new ExclusionView(
                e.id,
                e.groupId,
                e.memberId,
                e.clientId,
                e.reason,
                SafetyRule.ruleOf(e.reason),
                e.decidedBy,
                e.decidedAt,
                e.liftedBy,
                e.liftedAt);
    }

    /** R-REC-2 / R-CONF-4: the client's own memberships and attendance; nothing of any other member. */
    public List<OwnMembership> ownMemberships(Client client) {
        if (client.destroyed()) return List.of();
        List<OwnMembership> out = new ArrayList<>();
        for (GroupMember m : members.ofClient(client.id)) {
            PeerGroup g = groups.findById(m.groupId);
            List<OwnDeparture> asked = departures.ofMember(m.id).stream()
                    .map(d -> new OwnDeparture(sessions.findById(d.sessionId).sessionDate, d.reason))
                    .toList();
            OwnExclusion exclusion = exclusions
                    .ofMember(m.id)
                    .map(e -> new OwnExclusion(e.reason, e.decidedAt, e.liftedAt))
                    .orElse(null);
            out.add(new OwnMembership(
                    g.id,
                    g.kind,
                    g.name,
                    open(client.id, ALIAS, m.alias),
                    m.joinedAt,
                    m.leftAt,
                    sessions.attendedBy(m.id),
                    asked,
                    exclusion));
        }
        return out;
    }

    /** The aliases a client is known by in its groups (R-CONF-2: supervision material must not use them either). */
    public List<String> aliasesOf(UUID clientId) {
        return members.ofClient(clientId).stream()
                .map(m -> open(clientId, ALIAS, m.alias))
                .filter(a -> a != null)
                .distinct()
                .toList();
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
        throw new ProblemException(
                403, "Forbidden", "you are not a facilitator of this group", ClientAccessRule.RULE, null);
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
        List<MemberView> memberViews = !withMembers
                ? List.of()
                : members.current(g.id).stream()
                        .map(m -> new MemberView(m.id, m.clientId, open(m.clientId, ALIAS, m.alias)))
                        .toList();
        return new GroupView(g.id, g.kind, g.name, g.programme, facilitators.of(g.id), memberViews);
    }

    /** Stored times keep milliseconds, as every time of this service (records time.Times). */
    private OffsetDateTime now() {
        return Times.now(clock);
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
