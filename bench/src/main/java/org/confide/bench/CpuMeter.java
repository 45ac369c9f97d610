package org.confide.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time by part of the system, from /proc: each Confide service, PostgreSQL (every {@code postgres} process),
 * the Kafka broker, the load generator (this JVM) and everything else. Two snapshots around a measured period say
 * where a request's CPU went when everything shares one machine. Off Linux it reports nothing.
 */
final class CpuMeter {

    /** CPU seconds used so far, by part. */
    record Snapshot(Map<String, Double> seconds) {

        /** CPU seconds spent by each part between {@code before} and this snapshot. */
        Map<String, Double> since(Snapshot before) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String part : PARTS) {
                out.put(part, Math.max(0, seconds.getOrDefault(part, 0.0) - before.seconds.getOrDefault(part, 0.0)));
            }
            return out;
        }

        /** CPU milliseconds per request spent by each part between {@code before} and this snapshot. */
        Map<String, Double> perRequestMs(Snapshot before, long requests) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (requests <= 0) return out;
            since(before).forEach((part, s) -> out.put(part, s * 1000 / requests));
            return out;
        }
    }

    static final String[] PARTS = {
        "consent-service",
        "disclosure-service",
        "records-service",
        "audit-service",
        "postgres",
        "kafka",
        "load generator",
        "other"
    };
    /** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    /** A system using less than this much CPU (in cores, the load generator apart) counts as quiet. */
    private static final double QUIET_CORES = 0.25;
    /** Longest wait for quiet ({@code --settle-seconds}); a smoke test keeps it short. */
    static volatile java.time.Duration maxSettle = java.time.Duration.ofMinutes(3);

    /**
     * Waits (at most {@link #maxSettle}) until the rest of the system uses less than {@link #QUIET_CORES} of CPU over
     * a second: work left by a previous phase (a relay or ingest backlog, a bulk load's checkpoint) would otherwise be
     * counted against the next measurement.
     */
    static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + maxSettle.toNanos();
        Snapshot before = snapshot();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot now = snapshot();
            Map<String, Double> used = now.since(before);
            // With the stack's pids known, only the stack must be quiet: others' work on a shared machine never stops.
            double busy =
                    used.values().stream().mapToDouble(Double::doubleValue).sum()
                            - used.getOrDefault("load generator", 0.0)
                            - (OWNERS.isEmpty() ? 0.0 : used.getOrDefault("other", 0.0));
            if (busy < QUIET_CORES) return;
            before = now;
        }
    }

    /**
     * The processes of the measured stack by pid ({@code --service NAME=JAR@PID}, {@code --kafka-pid}, and the
     * PostgreSQL postmaster {@code --postgres-pid}, whose children are its backends). Given, a process of the same kind
     * not among them (another stack's on a shared machine) counts as "other".
     */
    static final Map<Long, String> OWNERS = new java.util.concurrent.ConcurrentHashMap<>();

    static Snapshot snapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    // Fields after the command name (which may hold spaces), counted from the closing parenthesis.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    long pid = Long.parseLong(proc.getFileName().toString());
                    long ppid = Long.parseLong(f[1]);
                    String part = OWNERS.isEmpty()
                            ? part(pid, self, comm, proc)
                            : pid == self
                                    ? "load generator"
                                    : OWNERS.getOrDefault(pid, OWNERS.getOrDefault(-ppid, "other"));
                    seconds.merge(part, cpu, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended between listing and reading: its time is no longer anyone's
                }
            }
        } catch (IOException noProc) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(seconds);
    }

    private static String part(long pid, long self, String comm, Path proc) throws IOException {
        if (pid == self) return "load generator";
        if (comm.equals("postgres")) return "postgres";
        if (!comm.equals("java")) return "other";
        String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
        if (cmdline.contains("kafka.Kafka")) return "kafka";
        for (String part : PARTS) {
            if (part.endsWith("-service") && cmdline.contains("/" + part + "/target/")) return part;
        }
        return "other";
    }
}
