package org.confide.audit.accesslog.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogRuleTest {

    @DisplayName("R-REC-2: a client's access log shows reads and shares of their information by others, nothing else")
    @ParameterizedTest(name = "{0} about {1} by {2} -> {3}")
    @CsvSource({
        "record.accessed,    c1, prac-1, true",
        "file.accessed,      c1, prac-1, true",
        "supervision.viewed, c1, sup-1,  true",
        "disclosure.shared,  c1, man-1,  true",
        "letter.sent,        c1, prac-1, true",
        "note.written,       c1, prac-1, false",
        "consent.granted,    c1, c1,     false",
        "record.accessed,    c2, prac-1, false",
        "record.accessed,    c1, c1,     false",
        "record.accessed,    c1,       , true",
    })
    void shows(String type, String clientId, String actorId, boolean shown) {
        assertEquals(shown, AccessLogRule.shows(type, clientId, actorId, "c1"));
    }

    @DisplayName("R-PROC-1: a disclosure case's steps are shown only once a step records that the client was told")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "                                          | false",
                "false:NOT_INFORMED_RISK                   | false",
                "false:NOT_INFORMED_RISK,true:AGREED       | true",
                "false:NOT_INFORMED_RISK,false:UNABLE      | false",
                "true:REFUSED                              | true",
                "true:AGREED,false:NOT_INFORMED_RISK       | true",
                "false:UNABLE                              | true",
                "false:LEFT_SESSION                        | true",
                "-:-                                       | false",
                "false:-                                   | false",
                "-:-,true:AGREED                           | true",
            })
    void caseVisible(String involvements, boolean visible) {
        List<AccessLogRule.Involvement> list = involvements == null
                ? List.of()
                : java.util.Arrays.stream(involvements.split(","))
                        .map(i -> {
                            String[] p = i.split(":");
                            return new AccessLogRule.Involvement(
                                    p[0].equals("-") ? null : Boolean.valueOf(p[0]), p[1].equals("-") ? null : p[1]);
                        })
                        .toList();
        assertEquals(visible, AccessLogRule.caseVisible(list));
    }

    @Test
    @DisplayName(
            "R-PROC-1: an involvement is read from the codes audit keeps of disclosure.client-involved; anything else is unknown")
    void involvementOf() throws Exception {
        var mapper = new ObjectMapper();
        assertEquals(
                new AccessLogRule.Involvement(false, "NOT_INFORMED_RISK"),
                AccessLogRule.Involvement.of(mapper.readTree(
                        "{\"informed\":false,\"response\":\"NOT_INFORMED_RISK\",\"rule\":\"R-PROC-1\"}")));
        assertEquals(
                new AccessLogRule.Involvement(null, null),
                AccessLogRule.Involvement.of(mapper.readTree("{\"informed\":\"yes\",\"response\":7}")));
        assertEquals(new AccessLogRule.Involvement(null, null), AccessLogRule.Involvement.of(null));
    }

    @DisplayName("R-PROC-1: every disclosure step is a step of its case; other entries are not")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "disclosure.shared, true",
        "disclosure.client-involved, true",
        "record.accessed, false",
        "letter.sent, false"
    })
    void caseStep(String type, boolean step) {
        assertEquals(step, AccessLogRule.caseStep(type));
    }

    @Test
    @DisplayName("R-REC-2: each line says who by role and organisation, when and why; rule ids only, no free text")
    void item() throws Exception {
        var data = new ObjectMapper().readTree("""
                {"clientId":"c1","purposeOfUse":"SAFEGUARDING","rules":["R-BRK-4","free text"],"recipientOrg":"org-b",
                 "recipientType":"POLICE","note":"x"}""");
        var item =
                AccessLogRule.item(7, "2026-11-22T10:15:00Z", "disclosure.shared", "manager", "org-a", "corr-1", data);
        assertEquals("shared", item.action());
        assertEquals(new AccessLogRule.Actor("manager", "org-a"), item.actor());
        assertEquals("SAFEGUARDING", item.purposeOfUse());
        assertEquals(List.of("R-BRK-4"), item.rules());
        assertEquals("org-b", item.recipientOrg());
        assertEquals("POLICE", item.recipientRole());
    }
}
