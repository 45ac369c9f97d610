package org.confide.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredSettingsTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "CONFIDE_KAFKA", "kafka.bootstrap.servers",
            "CONFIDE_JWT_PUBLIC_KEY", "mp.jwt.verify.publickey.location");

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) p.setProperty(keyValues[i], keyValues[i + 1]);
        return p;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "nothing given: both named, sorted",
                        Map.of(),
                        props(),
                        List.of("CONFIDE_JWT_PUBLIC_KEY", "CONFIDE_KAFKA")),
                Arguments.of(
                        "both in the environment",
                        Map.of("CONFIDE_KAFKA", "k:9092", "CONFIDE_JWT_PUBLIC_KEY", "/k.pem"),
                        props(),
                        List.of()),
                Arguments.of(
                        "one as a system property of its key",
                        Map.of("CONFIDE_KAFKA", "k:9092"),
                        props("mp.jwt.verify.publickey.location", "/k.pem"),
                        List.of()),
                Arguments.of(
                        "blank counts as missing",
                        Map.of("CONFIDE_KAFKA", " ", "CONFIDE_JWT_PUBLIC_KEY", "/k.pem"),
                        props(),
                        List.of("CONFIDE_KAFKA")),
                Arguments.of(
                        "a system property of another key does not count",
                        Map.of("CONFIDE_JWT_PUBLIC_KEY", "/k.pem"),
                        props("kafka.other", "x"),
                        List.of("CONFIDE_KAFKA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a production start names every missing required setting")
    void missing(String name, Map<String, String> env, Properties properties, List<String> expected) {
        assertEquals(expected, RequiredSettings.missing(REQUIRED, env, properties));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the migrate step requires only the database settings (no broker, token key or signing key)")
    void migrateStepNeedsTheDatabaseOnly() {
        Map<String, String> required = Map.of(
                "CONFIDE_KAFKA",
                "kafka.bootstrap.servers",
                "CONFIDE_AUDIT_DB_URL",
                "quarkus.datasource.jdbc.url",
                "CONFIDE_AUDIT_SIGNING_KEY",
                "confide.audit.signing-key");
        assertEquals(
                Map.of("CONFIDE_AUDIT_DB_URL", "quarkus.datasource.jdbc.url"), RequiredSettings.databaseOnly(required));
        assertEquals(
                List.of("CONFIDE_AUDIT_DB_URL"),
                RequiredSettings.missing(RequiredSettings.databaseOnly(required), Map.of(), props()));
    }
}
