package org.confide.records.group;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.rows;

import java.util.ArrayList;
import java.util.List;

/** Helpers the group tests share: groups, members and what the database holds for an organisation. */
public final class GroupTesting {

    private GroupTesting() {}

    /** A new group of {@code org} created by this practitioner (who therefore facilitates it). */
    public static String group(String org, String facilitator, String kind, String name) {
        String programme = kind.equals("NETWORK") ? "NETWORK_MEETING" : "GROUP";
        return as("practitioner", org, facilitator)
                .body("{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\", \"programme\": \"" + programme + "\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A member joined as this caller; the body is the JSON fields before groundRulesAgreed: true. */
    public static String join(String org, String role, String sub, String group, String fields) {
        return as(role, org, sub)
                .body("{" + fields + ", \"groundRulesAgreed\": true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
    }

    /** The client id behind a membership. */
    public static String clientOf(String memberId) {
        return rows("select client_id from group_member where id = cast(?1 as uuid)", memberId)
                .getFirst()[0]
                .toString();
    }

    /** Row counts of every table a group request may write, for the organisation, events included. */
    public static List<Long> footprint(String org) {
        List<Long> out = new ArrayList<>();
        for (String table : List.of("peer_group", "group_member", "group_session", "client")) {
            out.add(((Number) rows("select count(*) from " + table + " where org = ?1", org)
                            .getFirst()[0])
                    .longValue());
        }
        out.add(((Number) rows(
                                "select count(*) from group_attendance a join group_session s on s.id = a.session_id"
                                        + " where s.org = ?1",
                                org)
                        .getFirst()[0])
                .longValue());
        out.add(((Number) rows(
                                "select count(*) from group_facilitator f join peer_group g on g.id = f.group_id"
                                        + " where g.org = ?1",
                                org)
                        .getFirst()[0])
                .longValue());
        out.add(((Number) rows("select count(*) from outbox_event where payload like ?1", "%\"org\":\"" + org + "\"%")
                        .getFirst()[0])
                .longValue());
        return out;
    }

    /** How many outbox events hold this text anywhere (names, aliases and notes must never be in one). */
    public static long eventsContaining(String text) {
        return ((Number) rows("select count(*) from outbox_event where payload like ?1", "%" + text + "%")
                        .getFirst()[0])
                .longValue();
    }
}
