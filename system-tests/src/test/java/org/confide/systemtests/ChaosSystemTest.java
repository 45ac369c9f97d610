package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Chaos} as `./confide test` runs it (2 minutes, a fixed seed) and as `./confide chaos` does
 * ({@code -Dconfide.chaos.minutes}, {@code -Dconfide.chaos.seed}, {@code -Dconfide.chaos.rate},
 * {@code -Dconfide.chaos.every-fault=true}: every fault at least once however long it takes). In `./confide test` the
 * faults of the seeded schedule run in order while the two minutes last. The table is printed
 * and kept in system-tests/target/chaos-report.md.
 */
class ChaosSystemTest {

    @Test
    @DisplayName(
            "chaos: services killed, Kafka and PostgreSQL stopped, audit consumers rebalanced under load; nothing lost,"
                    + " nothing duplicated, only 2xx or 503 problem+json answered, chains verify, disclosures fail closed")
    void chaos() throws Exception {
        PrivatePostgres.dist(); // skipped without PostgreSQL binaries of its own
        double minutes = Double.parseDouble(System.getProperty("confide.chaos.minutes", "2"));
        long seed = Long.parseLong(System.getProperty("confide.chaos.seed", "22"));
        double rate = Double.parseDouble(System.getProperty("confide.chaos.rate", "25"));
        boolean everyFault = Boolean.parseBoolean(System.getProperty("confide.chaos.every-fault", "false"));
        Chaos.Report report = new Chaos(Duration.ofSeconds((long) (minutes * 60)), seed, rate, everyFault).run();
        System.out.println(report.table());
        Path file = Path.of(System.getProperty("confide.root", "..")).resolve("system-tests/target/chaos-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.table());
        assertTrue(report.failures().isEmpty(), report.table());
    }
}
