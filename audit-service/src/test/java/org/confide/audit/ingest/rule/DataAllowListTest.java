package org.confide.audit.ingest.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataAllowListTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final DataAllowList list = DataAllowList.ofEvents();

    @DisplayName(
            "docs/api.md audit data: the fields the event's record declares are kept when they hold ids and codes; names, free text, undeclared fields and nested objects are dropped")
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "record.accessed|{\"clientId\":\"c-1\",\"purposeOfUse\":\"CARE\"}|{\"clientId\":\"c-1\",\"purposeOfUse\":\"CARE\"}",
                "record.accessed|{\"clientId\":\"c-1\",\"name\":\"Jane Doe\"}|{\"clientId\":\"c-1\"}",
                "record.accessed|{\"purposeOfUse\":\"because she was upset\"}|{}",
                "disclosure.raised|{\"rules\":[\"R-BRK-4\",\"R-PROC-3\"],\"grounds\":[\"RISK_TO_SELF\"]}|{\"rules\":[\"R-BRK-4\",\"R-PROC-3\"],\"grounds\":[\"RISK_TO_SELF\"]}",
                "disclosure.raised|{\"rules\":[\"R-BRK-4\",\"free text here\"]}|{}",
                "client.registered|{\"limitsExplained\":true,\"allocatedPractitionerId\":null}|{\"limitsExplained\":true,\"allocatedPractitionerId\":null}",
                "group.session-recorded|{\"attendeeCount\":3,\"attendeeIds\":[\"m1\",\"m2\"],\"memberIds\":[\"m3\"]}|{\"attendeeCount\":3,\"attendeeIds\":[\"m1\",\"m2\"]}",
                "client.registered|{\"address\":{\"street\":\"x\"},\"clientId\":{\"nested\":\"y\"}}|{}",
                "note.written|{\"note\":\"x\",\"body\":\"y\",\"dateOfBirth\":\"2000-01-01\"}|{}",
                "disclosure.decided|{\"lawfulBasis\":\"VITAL_INTERESTS\",\"retrospective\":true}|{\"lawfulBasis\":\"VITAL_INTERESTS\",\"retrospective\":true}",
                "consent.granted|{\"lawfulBasis\":\"VITAL_INTERESTS\",\"method\":\"VERBAL\"}|{\"method\":\"VERBAL\"}",
                "some.future-type|{\"clientId\":\"c-1\",\"method\":\"VERBAL\",\"summary\":\"x\"}|{\"clientId\":\"c-1\",\"method\":\"VERBAL\"}",
            })
    void filter(String type, String in, String kept) throws Exception {
        assertEquals(
                mapper.readTree(kept), list.filter(type, mapper.readTree(in)).kept());
    }

    @Test
    @DisplayName("the names of dropped fields are reported, never their values")
    void dropped() throws Exception {
        var r = list.filter(
                "record.accessed", mapper.readTree("{\"clientId\":\"c\",\"name\":\"Jane Doe\",\"freeText\":\"...\"}"));
        assertEquals(List.of("name", "freeText"), r.dropped());
    }
}
