package org.confide.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AsyncApiTest {

    @Test
    @DisplayName("docs/asyncapi.yaml is the document the records make (write it with -Dconfide.asyncapi.write=true)")
    void documentMatchesTheRecords() throws Exception {
        Path file = Path.of(System.getProperty("confide.asyncapi", "../docs/asyncapi.yaml"));
        String made = AsyncApi.yaml();
        if (Boolean.getBoolean("confide.asyncapi.write")) {
            Files.writeString(file, made, StandardCharsets.UTF_8);
        }
        String kept = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertEquals(
                made,
                kept,
                file + " differs from the event records: after changing a record run "
                        + "./mvnw -pl events test -Dconfide.asyncapi.write=true and commit the file");
    }

    @Test
    @DisplayName("each message's data schema names every field of its record, required unless it may be absent")
    void schemaOfEveryType() {
        for (EventType t : Events.all()) {
            var schema = AsyncApi.dataSchema(t);
            assertEquals(t.fieldNames(), ((java.util.Map<?, ?>) schema.get("properties")).keySet(), t.name());
            assertEquals(
                    t.fields().stream()
                            .filter(f -> !f.nullable())
                            .map(EventType.Field::name)
                            .toList(),
                    schema.get("required"),
                    t.name());
        }
    }
}
