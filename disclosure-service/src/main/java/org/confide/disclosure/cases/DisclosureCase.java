package org.confide.disclosure.cases;

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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Context;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/**
 * A disclosure case: one concern about a client, assessed under the policy version of the day, which it keeps; its steps
 * are {@link CaseStep}s.
 */
@Entity
@Table(name = "disclosure_case")
public class DisclosureCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    @Column(name = "group_id", updatable = false)
    public String groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** CONSENTED until consent no longer covers a share; then the outcome of the grounds (R-CONS-4). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "grounds_outcome", nullable = false, updatable = false)
    public Outcome groundsOutcome;

    @Column(name = "deciding_rule", nullable = false)
    public String decidingRule;

    @Column(name = "emergency_allowed", nullable = false)
    public boolean emergencyAllowed;

    /** False when consent-service could not be asked about some recipient (fail closed). */
    @Column(name = "consent_checked", nullable = false)
    public boolean consentChecked;

    /** Enum names joined by commas. */
    @Column(nullable = false, updatable = false)
    public String grounds;

    @Column(nullable = false, updatable = false)
    public String categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Immediacy immediacy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Context context;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    /** Sealed with the client's key (R-REC-3, ClientText); null once the client is destroyed. */
    @Column(updatable = false)
    public byte[] summary;

    @Column(name = "client_age", updatable = false)
    public Integer clientAge;

    @Column(name = "gillick_competent", updatable = false)
    public Boolean gillickCompetent;

    /** R-BRK-2: whom the person asked to be contacted. */
    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_contact", updatable = false)
    public RecipientType chosenContact;

    /** R-BRK-4: the child's relationship to the alleged abuser. */
    @Enumerated(EnumType.STRING)
    @Column(name = "abuser_relationship", updatable = false)
    public AbuserRelationship abuserRelationship;

    /** R-BRK-4: past or present abuse. */
    @Enumerated(EnumType.STRING)
    @Column(name = "abuse_timing", updatable = false)
    public AbuseTiming abuseTiming;

    /** R-BRK-13: JSON of the risk factors (codes, ages, the finding); no free text. */
    @Column(name = "substance_use", updatable = false)
    public String substanceUse;

    /** JSON array of the proposed recipients, their names apart ({@link #recipientsSealed}). */
    @Column(nullable = false, updatable = false)
    public String recipients;

    /** The recipients' names, sealed with the client's key (R-REC-3, ClientText.split). */
    @Column(name = "recipients_sealed")
    public byte[] recipientsSealed;

    /** JSON of the assessment as answered when the case was raised (updated only by a consent re-check). */
    @Column(nullable = false)
    public String assessment;

    /** The names in the assessment, sealed with the client's key (R-REC-3, ClientText.split). */
    @Column(name = "assessment_sealed")
    public byte[] assessmentSealed;

    @Column(name = "policy_version", nullable = false, updatable = false)
    public int policyVersion;

    /** JSON of the policy version's settings: a later policy never rewrites this case. */
    @Column(nullable = false, updatable = false)
    public String policy;

    @Column(name = "raised_by", nullable = false, updatable = false)
    public String raisedBy;

    @Column(name = "raised_by_role", nullable = false, updatable = false)
    public String raisedByRole;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public List<Ground> groundList() {
        return split(grounds, Ground.class);
    }

    public List<Category> categoryList() {
        return split(categories, Category.class);
    }

    public static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> List<E> split(String joined, Class<E> type) {
        return Arrays.stream(joined.split(","))
                .filter(s -> !s.isBlank())
                .map(s -> Enum.valueOf(type, s))
                .toList();
    }
}
