package org.confide.audit.accesslog.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R-REC-2 (a client may access everything held about them) and docs/domain.md's client role ("who accessed their
 * record"): which audit entries tell a client that their information was read or shared, and what of each entry
 * the client sees: who by role and organisation (never a person's id), when, and why (purpose of use, rule ids),
 * never another client's data nor free text. R-PROC-1: no step of a disclosure case is shown until the case records
 * that the client was told (see {@link #caseVisible}).
 */
public final class AccessLogRule {

    /** The entry types of the access log, and whether each is a read or a share. */
    public static final Map<String, String> TYPES = Map.of(
            "record.accessed", "read",
            "file.accessed", "read",
            "supervision.viewed", "read",
            "disclosure.shared", "shared",
            "letter.sent", "shared");

    /** The step of a disclosure case that records the client's involvement (R-PROC-1): its informed and response codes. */
    public static final String INVOLVEMENT = "disclosure.client-involved";
    /** The involvement response of a client not told because telling them would raise the risk or tip them off. */
    public static final String NOT_INFORMED_RISK = "NOT_INFORMED_RISK";

    private AccessLogRule() {}

    /** One recorded involvement of the client in a disclosure case; either code is null when the entry lacks it. */
    public record Involvement(Boolean informed, String response) {

        public static Involvement of(JsonNode data) {
            JsonNode informed = data == null ? null : data.get("informed");
            return new Involvement(
                    informed != null && informed.isBoolean() ? informed.booleanValue() : null, code(data, "response"));
        }
    }

    /** Whether an entry is a step of a disclosure case (its correlation id is the case id). */
    public static boolean caseStep(String type) {
        return type.startsWith("disclosure.");
    }

    /**
     * R-PROC-1: whether the client may see the steps of a disclosure case, given every involvement the case recorded.
     * Once one records that they were told ({@code informed: true}), yes. Otherwise not while none is recorded, nor
     * when one says {@code NOT_INFORMED_RISK}, nor when one lacks its codes (fail closed); a case whose client was not
     * told for another reason (unable, left the session) is shown.
     */
    public static boolean caseVisible(List<Involvement> involvements) {
        if (involvements.stream().anyMatch(i -> Boolean.TRUE.equals(i.informed()))) return true;
        if (involvements.isEmpty()) return false;
        return involvements.stream()
                .noneMatch(i -> i.informed() == null || i.response() == null || NOT_INFORMED_RISK.equals(i.response()));
    }

    /**
     * One line of the access log. {@code rules}: the R-ids the entry cites; {@code recipient*}: to whom, when shared
     * ({@code recipientRole} is the share's {@code recipientType}, docs/api.md "Events").
     */
    public record Item(
            long seq,
            String occurredAt,
            String type,
            String action,
            Actor actor,
            String purposeOfUse,
            List<String> rules,
            String recipientOrg,
            String recipientRole,
            String correlationId) {}

    public record Actor(String role, String org) {}

    /** Whether an entry belongs in {@code client}'s access log: one of the types, about them, done by someone else. */
    public static boolean shows(String type, String clientId, String actorId, String client) {
        return TYPES.containsKey(type) && client.equals(clientId) && !client.equals(actorId);
    }

    public static Item item(
            long seq,
            String occurredAt,
            String type,
            String actorRole,
            String org,
            String correlationId,
            JsonNode data) {
        return new Item(
                seq,
                occurredAt,
                type,
                TYPES.get(type),
                new Actor(actorRole, org),
                code(data, "purposeOfUse"),
                rules(data),
                code(data, "recipientOrg"),
                code(data, "recipientType"),
                correlationId);
    }

    private static String code(JsonNode data, String field) {
        JsonNode v = data == null ? null : data.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static List<String> rules(JsonNode data) {
        List<String> out = new ArrayList<>();
        if (data == null) return out;
        for (String field : List.of("rule", "rules", "ruleId", "ruleIds")) {
            JsonNode v = data.get(field);
            if (v == null) continue;
            if (v.isTextual()) out.add(v.textValue());
            if (v.isArray())
                v.forEach(r -> {
                    if (r.isTextual()) out.add(r.textValue());
                });
        }
        return out.stream().filter(r -> r.matches("R-[A-Z]+-[0-9]+")).distinct().toList();
    }
}
