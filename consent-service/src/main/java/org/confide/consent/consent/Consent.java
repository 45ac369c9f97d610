package org.confide.consent.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** A client's consent to share categories of information with a recipient for a purpose (R-CONS-1). */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false, updatable = false)
    public RecipientType recipientType;

    /** Sealed with the client's key (R-REC-3, ClientText): the recipient's name as given. */
    @Column(name = "recipient_name", updatable = false)
    public byte[] recipientName;

    @Column(name = "recipient_org_id", updatable = false)
    public String recipientOrgId;

    /** Enum names joined by commas; use {@link #categorySet()}. */
    @Column(nullable = false, updatable = false)
    public String categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Method method;

    @Column(nullable = false, updatable = false)
    public boolean explained;

    /** Sealed with the client's key (R-REC-3, ClientText). */
    @Column(name = "evidence_ref", updatable = false)
    public byte[] evidenceRef;

    /** As stored; an ACTIVE consent past {@link #validUntil} is nonetheless EXPIRED (see DecisionRule.effectiveStatus). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    @Column(name = "valid_from", nullable = false, updatable = false)
    public OffsetDateTime validFrom;

    @Column(name = "valid_until", updatable = false)
    public OffsetDateTime validUntil;

    /** R-CONS-6: the competence (Gillick) assessment an under-16's consent rests on; null when capacity was presumed. */
    @Column(name = "competence_assessment_id", updatable = false)
    public UUID competenceAssessmentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_by_role", nullable = false, updatable = false)
    public String createdByRole;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public Set<Category> categorySet() {
        return categorySet(categories);
    }

    /** The stored comma-separated enum names as a set. */
    public static Set<Category> categorySet(String categories) {
        return Arrays.stream(categories.split(","))
                .map(Category::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    }

    public static String joinCategories(Collection<Category> categories) {
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
