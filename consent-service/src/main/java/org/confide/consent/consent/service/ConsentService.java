package org.confide.consent.consent.service;

import static org.confide.platform.problem.Params.blankToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.repository.ClientAllocation;
import org.confide.allocation.service.ClientGuard;
import org.confide.consent.ageband.repository.AgeBandRepository;
import org.confide.consent.capacity.Matter;
import org.confide.consent.capacity.repository.CapacityRepository;
import org.confide.consent.capacity.rule.CompetenceRule;
import org.confide.consent.config.ConsentConfig;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentChange;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.Method;
import org.confide.consent.consent.repository.ConsentRepository;
import org.confide.consent.consent.rule.ConsentLifecycleRule;
import org.confide.consent.decision.rule.DecisionRule;
import org.confide.events.ConsentEvents;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.problem.ProblemException;

/**
 * The consent lifecycle: give (R-CONS-1, R-CONS-2, R-CONS-5, R-CONS-6), approve (R-CONS-2), withdraw (R-CONS-4), read.
 * Each change, its history entry and its event commit together.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final ConsentLifecycleRule lifecycle = new ConsentLifecycleRule();
    private final CompetenceRule competence = new CompetenceRule();

    @Inject
    ConsentRepository consents;

    @Inject
    CapacityRepository capacity;

    @Inject
    AllocationRepository allocations;

    @Inject
    ClientGuard guard;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    ClientText text;

    @Inject
    Clock clock;

    @Inject
    AgeBandRepository ageBands;

    @Inject
    ConsentConfig config;

    /** What a consent says, whoever records it (the command both Resources map their DTOs to). */
    public record Terms(
            RecipientType recipientType,
            String recipientName,
            String recipientOrgId,
            List<Category> categories,
            Purpose purpose,
            Method method,
            Boolean explained,
            String evidenceRef,
            String validUntil) {}

    /** A practitioner allocated to the client, or a manager, records the client's consent. */
    public Consent grant(String clientId, Terms terms) {
        guard.require(clientId);
        return record(clientId, terms);
    }

    /** The client gives consent themselves ({@code sub} is their client id). */
    public Consent grantOwn(Terms terms) {
        ownClient();
        return record(caller.subject(), terms);
    }

    public Consent approve(UUID id, boolean approved) {
        Consent c =
                consents.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
        Instant now = clock.instant();
        ConsentStatus effective = effective(c, now);
        lifecycle.approvalConflict(effective).ifPresent(conflict -> {
            throw ProblemException.conflict("R-CONS-2", conflict);
        });
        ConsentStatus to = approved ? ConsentStatus.ACTIVE : ConsentStatus.REFUSED;
        change(c, to, caller.actor(), null, now);
        outbox.emit(new ConsentEvents.Approved(
                c.id.toString(),
                c.clientId,
                c.status.name(),
                c.recipientType.name(),
                c.recipientOrgId,
                c.purpose.name(),
                approved,
                "R-CONS-2"));
        return c;
    }

    /** Staff withdraw a consent on the client's behalf (R-CONS-4). */
    public Consent withdraw(UUID id, String reason) {
        Consent c =
                consents.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
        requireStaffAccess(c);
        return withdrawLocked(c, reason);
    }

    /** The client withdraws their own consent (R-CONS-4): immediate. */
    public Consent withdrawOwn(UUID id, String reason) {
        Consent c =
                consents.findInOrgForUpdate(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
        requireOwn(c);
        return withdrawLocked(c, reason);
    }

    /** A consent the calling staff member may see. */
    public Consent read(UUID id) {
        Consent c = consents.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
        requireStaffAccess(c);
        return c;
    }

    /**
     * A consent whose receipt the caller may have: staff as for reading it, a client their own, a partner one that
     * names the partner's organisation as its recipient (proof of the client's permission, R-CONF-1).
     */
    public Consent readForReceipt(UUID id) {
        return switch (caller.role()) {
            case Roles.MANAGER, Roles.PRACTITIONER -> read(id);
            case Roles.CLIENT -> readOwn(id);
            case Roles.PARTNER ->
                consents.findForRecipientOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
            default -> throw ProblemException.forbidden("your role may not do this");
        };
    }

    /** A consent that is the calling client's own. */
    public Consent readOwn(UUID id) {
        Consent c = consents.findInOrg(caller.org(), id).orElseThrow(() -> ProblemException.notFound("consent"));
        requireOwn(c);
        return c;
    }

    /** Staff list: one client's (access checked), or all the caller may see (a practitioner: allocated clients). */
    public List<Consent> list(String clientId, ConsentStatus status, UUID after, int limit) {
        if (clientId != null) {
            guard.require(clientId);
            return consents.page(caller.org(), clientId, null, status, after, limit);
        }
        String practitioner = caller.is(Roles.MANAGER) ? null : caller.subject();
        return consents.page(caller.org(), null, practitioner, status, after, limit);
    }

    public List<Consent> listOwn(ConsentStatus status, UUID after, int limit) {
        ownClient();
        return consents.page(caller.org(), caller.subject(), null, status, after, limit);
    }

    public Map<UUID, List<ConsentChange>> historyOf(List<UUID> ids) {
        return consents.historyOf(ids);
    }

    /** The state a reader sees: an ACTIVE consent past validUntil is EXPIRED at once (R-CONS-4). */
    public static ConsentStatus effective(Consent c, Instant now) {
        return DecisionRule.effectiveStatus(c.status, c.validUntil == null ? null : c.validUntil.toInstant(), now);
    }

    /** Marks one ACTIVE consent past its end EXPIRED, recorded and announced as done by this service. */
    public void expire(Consent c, Actor system, Instant now) {
        change(c, ConsentStatus.EXPIRED, system, null, now);
        outbox.emit(
                new ConsentEvents.Expired(
                        c.id.toString(),
                        c.clientId,
                        c.status.name(),
                        c.recipientType.name(),
                        c.recipientOrgId,
                        c.purpose.name(),
                        c.validUntil.toInstant(),
                        "R-CONS-4"),
                system,
                null);
    }

    private Consent record(String clientId, Terms t) {
        Instant now = clock.instant();
        Instant validUntil = parseValidUntil(t.validUntil());
        // R-REC-3 first: a destroyed client's band is gone too, and nothing more is kept about them.
        if (allocations
                .inOrg(caller.org(), clientId)
                .filter(a -> "DESTROYED".equals(a.status))
                .isPresent()) {
            throw ProblemException.conflict(
                    "R-REC-3", "the client's record has been destroyed; nothing more is kept about them");
        }
        // R-CONS-6: under 16 (or of unknown age, read strictly) only a competence assessment makes consent valid;
        // from 16 capacity is presumed unless the latest assessment says it is lacking (R-CONS-5).
        String band = ageBands.bandOf(caller.org(), clientId);
        boolean noPresumption = competence.noPresumption(band, config.ageBand().unknown());
        CompetenceRule.Latest latest = capacity.latest(caller.org(), clientId, Matter.INFORMATION_SHARING)
                .map(a -> new CompetenceRule.Latest(a.id, a.kind, a.hasCapacity))
                .orElse(null);
        boolean lacks = latest != null && !latest.hasCapacity();
        lifecycle
                .grantRefusal(t.explained(), validUntil, !noPresumption && lacks, now)
                .ifPresent(r -> {
                    throw ProblemException.unprocessable(r.rule(), r.field(), r.message());
                });
        competence.consentRefusal(band, config.ageBand().unknown(), latest).ifPresent(r -> {
            throw ProblemException.unprocessable(r.rule(), r.field(), r.message());
        });
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Actor actor = caller.actor();
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.org = caller.org();
        c.clientId = clientId;
        c.recipientType = t.recipientType();
        c.recipientName = text.seal(clientId, "consent.recipientName", blankToNull(t.recipientName()));
        c.recipientOrgId = blankToNull(t.recipientOrgId());
        c.categories = Consent.joinCategories(t.categories());
        c.purpose = t.purpose();
        c.method = t.method();
        c.explained = true;
        c.evidenceRef = text.seal(clientId, "consent.evidenceRef", blankToNull(t.evidenceRef()));
        c.status = lifecycle.initialStatus(t.purpose());
        c.validFrom = at;
        c.validUntil = validUntil == null ? null : OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC);
        c.competenceAssessmentId = noPresumption ? latest.id() : null;
        c.createdAt = at;
        c.createdBy = actor.id();
        c.createdByRole = actor.role();
        c.updatedAt = at;
        consents.persist(c);
        history(c, null, c.status, actor, null, now);

        outbox.emit(new ConsentEvents.Granted(
                c.id.toString(),
                c.clientId,
                c.status.name(),
                c.recipientType.name(),
                c.recipientOrgId,
                c.purpose.name(),
                c.categorySet().stream().map(Enum::name).toList(),
                c.method.name(),
                c.validUntil == null ? null : c.validUntil.toInstant(),
                c.status == ConsentStatus.PENDING_APPROVAL
                        ? "R-CONS-2"
                        : noPresumption ? CompetenceRule.RULE : "R-CONS-1",
                c.competenceAssessmentId == null ? null : c.competenceAssessmentId.toString(),
                band));
        return c;
    }

    private Consent withdrawLocked(Consent c, String reason) {
        Instant now = clock.instant();
        lifecycle.withdrawalConflict(effective(c, now)).ifPresent(conflict -> {
            throw ProblemException.conflict("R-CONS-4", conflict);
        });
        ConsentStatus from = c.status;
        change(c, ConsentStatus.WITHDRAWN, caller.actor(), blankToNull(reason), now);
        outbox.emit(new ConsentEvents.Withdrawn(
                c.id.toString(),
                c.clientId,
                c.status.name(),
                c.recipientType.name(),
                c.recipientOrgId,
                c.purpose.name(),
                from.name(),
                "R-CONS-4"));
        return c;
    }

    private void change(Consent c, ConsentStatus to, Actor actor, String reason, Instant now) {
        ConsentStatus from = c.status;
        c.status = to;
        c.updatedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        history(c, from, to, actor, reason, now);
    }

    private void history(Consent c, ConsentStatus from, ConsentStatus to, Actor actor, String reason, Instant now) {
        ConsentChange h = new ConsentChange();
        h.consentId = c.id;
        h.fromStatus = from;
        h.status = to;
        h.at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        h.actorId = actor.id();
        h.actorRole = actor.role();
        h.reason = text.seal(c.clientId, "consent.reason", reason);
        consents.record(h);
    }

    /** Staff: a manager, or a practitioner who works with the consent's client (R-REC-1, ClientGuard); unknown client: 404. */
    private void requireStaffAccess(Consent c) {
        ClientAllocation a =
                allocations.inOrg(caller.org(), c.clientId).orElseThrow(() -> ProblemException.notFound("consent"));
        if (!guard.mayAct(a)) {
            throw new ProblemException(
                    403, "Forbidden", "you are not allocated to this consent's client", "R-REC-1", null);
        }
    }

    /** A client touches only their own consents (403 for another client's of the same organisation). */
    private void requireOwn(Consent c) {
        if (!c.clientId.equals(caller.subject())) {
            throw ProblemException.forbidden("this consent is not yours");
        }
    }

    /** The calling client must be known to this service in the token's organisation. */
    private ClientAllocation ownClient() {
        return allocations.inOrg(caller.org(), caller.subject()).orElseThrow(() -> ProblemException.notFound("client"));
    }

    static Instant parseValidUntil(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                // A date: valid through that day (UTC).
                return LocalDate.parse(value)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.badRequest(
                        "validUntil", "must be an RFC 3339 time (2027-01-31T23:59:59Z) or a date (2027-01-31)");
            }
        }
    }
}
