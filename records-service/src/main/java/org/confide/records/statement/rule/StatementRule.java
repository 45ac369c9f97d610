package org.confide.records.statement.rule;

import java.util.Optional;
import java.util.Set;

/**
 * R-REC-6: the organisation's confidentiality statement is versioned; an intake records which version was explained,
 * and staff (practitioners, managers, supervisors) acknowledge the current version before they work with clients.
 * An organisation that has published no statement imposes nothing.
 */
public final class StatementRule {

    public static final String RULE = "R-REC-6";

    /** Everyone who works with clients or their material (seed 003: "anyone involved in the working" of the project). */
    public static final Set<String> BOUND_ROLES = Set.of("practitioner", "manager", "supervisor");

    /**
     * Why this caller may not do client work now, if they may not: one of their roles is bound by the statement, a
     * version is published, and they have not acknowledged it.
     */
    public Optional<String> workRefusal(Set<String> roles, Integer currentVersion, boolean acknowledgedCurrent) {
        if (currentVersion == null || acknowledgedCurrent || roles.stream().noneMatch(BOUND_ROLES::contains)) {
            return Optional.empty();
        }
        return Optional.of("acknowledge version " + currentVersion
                + " of the organisation's confidentiality statement before working with clients");
    }

    /** The intake must name the current version when one is published, and none when none is. */
    public Optional<String> intakeRefusal(Integer currentVersion, Integer explainedVersion) {
        if (currentVersion == null) {
            return explainedVersion == null
                    ? Optional.empty()
                    : Optional.of("the organisation has published no confidentiality statement");
        }
        if (explainedVersion == null) {
            return Optional.of("is required: the version of the confidentiality statement explained to the client ("
                    + currentVersion + ")");
        }
        return explainedVersion.equals(currentVersion)
                ? Optional.empty()
                : Optional.of("must be the current version of the confidentiality statement, " + currentVersion);
    }

    /** Only the current version can be acknowledged. */
    public Optional<String> acknowledgeRefusal(Integer currentVersion, Integer version) {
        if (version == null) return Optional.of("is required");
        return version.equals(currentVersion)
                ? Optional.empty()
                : Optional.of("must be the current version of the confidentiality statement, " + currentVersion);
    }

    /** Versions count up from 1 in each organisation. */
    public int nextVersion(Integer latest) {
        return latest == null ? 1 : latest + 1;
    }
}
