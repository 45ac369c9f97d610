package org.confide.records.partner.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerRuleTest {

    private final PartnerRule rule = new PartnerRule();

    /** "a|b" is the list [a, b]; "~" stands for null, "_" for a space, "\0" for NUL, "LONG" for 201 characters. */
    private static List<String> list(String spec) {
        if (spec.equals("NULL")) return null;
        if (spec.equals("EMPTY")) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : spec.split("\\|", -1)) {
            out.add(
                    s.equals("~")
                            ? null
                            : s.equals("LONG")
                                    ? "p".repeat(201)
                                    : s.replace("_", " ").replace("\\0", "\0"));
        }
        return out;
    }

    @DisplayName(
            "R-REF-1: a partner list is stripped and deduplicated; a missing list, a blank, over-long or NUL entry is refused naming it")
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "partner-x|partner-y           ; partner-x|partner-y ; ",
                "EMPTY                         ; EMPTY               ; ",
                "partner-x|partner-x|partner-y ; partner-x|partner-y ; ",
                "_partner-x_|partner-x         ; partner-x           ; ",
                "NULL                          ;                     ; partnerOrgs",
                "partner-x|~                   ;                     ; partnerOrgs[1]",
                "partner-x|__                  ;                     ; partnerOrgs[1]",
                "|partner-x                    ;                     ; partnerOrgs[0]",
                "partner\\0x                   ;                     ; partnerOrgs[0]",
                "partner-x|LONG                ;                     ; partnerOrgs[1]",
            })
    void check(String given, String stored, String refusedField) {
        PartnerRule.Checked c = rule.check(list(given.strip()));
        if (refusedField == null) {
            assertEquals(Optional.empty(), c.refusal());
            assertEquals(list(stored.strip()), c.partnerOrgs());
        } else {
            assertEquals(refusedField.strip(), c.refusal().orElseThrow().field());
        }
    }

    @Test
    @DisplayName("R-REF-1: at most 500 partners; 200 characters is the longest org id")
    void bounds() {
        List<String> many = new ArrayList<>(Collections.nCopies(PartnerRule.MAX_PARTNERS, "p"));
        assertEquals(List.of("p"), rule.check(many).partnerOrgs());
        many.add("q");
        assertEquals("partnerOrgs", rule.check(many).refusal().orElseThrow().field());
        assertTrue(rule.check(Arrays.asList("p".repeat(200))).refusal().isEmpty());
    }

    @DisplayName("R-REF-1: a provider takes referrals only from a partner it lists")
    @ParameterizedTest(name = "listed {0} -> refused {1}")
    @CsvSource({"true, false", "false, true"})
    void referral(boolean listed, boolean refused) {
        assertEquals(refused, rule.referralRefusal(listed).isPresent());
    }
}
