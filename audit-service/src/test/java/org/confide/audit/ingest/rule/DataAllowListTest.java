package org.confide.audit.ingest.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataAllowListTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final DataAllowList list = new DataAllowList(Set.of("purposeOfUse", "rule", "rules", "limitsExplained", "count"));

    @DisplayName("docs/api.md audit data: ids, codes and rule ids are kept; names, free text and nested objects are dropped")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"clientId\":\"c-1\",\"purposeOfUse\":\"CARE\"}|{\"clientId\":\"c-1\",\"purposeOfUse\":\"CARE\"}",
            "{\"clientId\":\"c-1\",\"name\":\"Jane Doe\"}|{\"clientId\":\"c-1\"}",
            "{\"purposeOfUse\":\"because she was upset\"}|{}",
            "{\"rules\":[\"R-BRK-4\",\"R-PROC-3\"],\"memberIds\":[\"m1\",\"m2\"]}|{\"rules\":[\"R-BRK-4\",\"R-PROC-3\"],\"memberIds\":[\"m1\",\"m2\"]}",
            "{\"rules\":[\"R-BRK-4\",\"free text here\"]}|{}",
            "{\"limitsExplained\":true,\"count\":3,\"allocatedPractitionerId\":null}|{\"limitsExplained\":true,\"count\":3,\"allocatedPractitionerId\":null}",
            "{\"address\":{\"street\":\"x\"},\"clientId\":{\"nested\":\"y\"}}|{}",
            "{\"note\":\"x\",\"body\":\"y\",\"dateOfBirth\":\"2000-01-01\"}|{}",
    })
    void filter(String in, String kept) throws Exception {
        assertEquals(mapper.readTree(kept), list.filter(mapper.readTree(in)).kept());
    }

    @Test
    @DisplayName("the names of dropped fields are reported, never their values")
    void dropped() throws Exception {
        var r = list.filter(mapper.readTree("{\"clientId\":\"c\",\"name\":\"Jane Doe\",\"freeText\":\"...\"}"));
        assertEquals(java.util.List.of("name", "freeText"), r.dropped());
    }
}
