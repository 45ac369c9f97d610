package org.confide.records.complaint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.confide.records.complaint.ComplaintStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintRuleTest {

    private final ComplaintRule rule = new ComplaintRule();

    @DisplayName("R-COMP-1: a complaint has the client's own words, 1 to 20000 characters")
    @ParameterizedTest(name = "{0} characters (blank {1}) -> refused {2}")
    @CsvSource({"1, false, false", "20000, false, false", "20001, false, true", "0, false, true", "3, true, true"})
    void text(int length, boolean blank, boolean refused) {
        String text = (blank ? " " : "a").repeat(length);
        var r = rule.fileRefusal(text);
        assertEquals(refused, r.isPresent());
        r.ifPresent(x -> assertEquals(List.of(422, "text"), List.of(x.status(), x.field())));
        assertEquals("text", rule.fileRefusal(null).orElseThrow().field());
    }

    @DisplayName("R-COMP-1: acknowledged first, then under review or an outcome; an outcome closes it; never back")
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "RECEIVED,     ACKNOWLEDGED, null",
                "RECEIVED,     RECEIVED,     null",
                "RECEIVED,     UNDER_REVIEW, 409",
                "RECEIVED,     RESOLVED,     409",
                "RECEIVED,     UPHELD,       409",
                "RECEIVED,     null,         422",
                "ACKNOWLEDGED, UNDER_REVIEW, null",
                "ACKNOWLEDGED, RESOLVED,     null",
                "ACKNOWLEDGED, UPHELD,       null",
                "ACKNOWLEDGED, NOT_UPHELD,   null",
                "ACKNOWLEDGED, RECEIVED,     409",
                "UNDER_REVIEW, UPHELD,       null",
                "UNDER_REVIEW, NOT_UPHELD,   null",
                "UNDER_REVIEW, RESOLVED,     null",
                "UNDER_REVIEW, ACKNOWLEDGED, 409",
                "UNDER_REVIEW, RECEIVED,     409",
                "RESOLVED,     UPHELD,       409",
                "UPHELD,       UNDER_REVIEW, 409",
                "NOT_UPHELD,   ACKNOWLEDGED, 409",
                "NOT_UPHELD,   NOT_UPHELD,   null",
            })
    void transitions(ComplaintStatus from, ComplaintStatus to, Integer status) {
        assertEquals(
                status,
                rule.transitionRefusal(from, to)
                        .map(ComplaintRule.Refusal::status)
                        .orElse(null));
    }

    @DisplayName("R-COMP-1: the outside bodies: each a name and an http(s) address, at most 20; the bad entry is named")
    @ParameterizedTest(name = "[{0}] [{1}] -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "Royal Society for Public Health, https://www.rsph.org.uk,  null",
                "' INLPTA ',                      http://www.inlpta.org/x, null",
                "'',                              https://a.example,        outsideBodies[0].name",
                "null,                            https://a.example,        outsideBodies[0].name",
                "Ombudsman,                       ftp://a.example,          outsideBodies[0].url",
                "Ombudsman,                       www.example.org,          outsideBodies[0].url",
                "Ombudsman,                       'https://a.example/ b',   outsideBodies[0].url",
                "Ombudsman,                       null,                     outsideBodies[0].url",
                "Ombudsman,                       javascript:alert(1),      outsideBodies[0].url",
            })
    void bodies(String name, String url, String field) {
        var checked = rule.check(List.of(new ComplaintRule.Body(name, url)));
        assertEquals(field, checked.refusal().map(ComplaintRule.Refusal::field).orElse(null));
    }

    @DisplayName("R-COMP-1: an empty list is the default; 20 bodies are kept, 21 refused; a repeated name is kept once")
    @ParameterizedTest(name = "{0} bodies -> refused {1}")
    @CsvSource({"0, false", "20, false", "21, true"})
    void howMany(int n, boolean refused) {
        List<ComplaintRule.Body> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(new ComplaintRule.Body("Body " + i, "https://b" + i + ".example"));
        assertEquals(refused, rule.check(list).refusal().isPresent());
        assertEquals(
                1,
                rule.check(List.of(
                                new ComplaintRule.Body("A", "https://a.example"),
                                new ComplaintRule.Body(" a ", "https://b.example")))
                        .bodies()
                        .size());
        assertEquals("outsideBodies", rule.check(null).refusal().orElseThrow().field());
    }
}
