package org.confide.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, on a free port, that a fault test may stop and start (the shared server
 * at 127.0.0.1:5432 is never stopped). Its binaries are the ones ./confide fetches from Maven Central
 * (tools/infrastructure.sh pg_dist): {@code CONFIDE_PG_DIST}, else .confide/pg-dist; without them the test is skipped.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    final int port;

    private PrivatePostgres(Path bin, Path data, Path log, int port) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    /** The binaries' folder, or the test skipped (./confide test and ./confide chaos fetch them). */
    static Path dist() {
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        String given = System.getenv("CONFIDE_PG_DIST");
        Path dist = given == null || given.isBlank() ? root.resolve(".confide/pg-dist") : Path.of(given);
        Assumptions.assumeTrue(
                Files.isExecutable(dist.resolve("bin/postgres")),
                "no PostgreSQL binaries in " + dist + " (./confide test fetches them from Maven Central)");
        return dist;
    }

    /** A new cluster in a temporary folder (trust authentication, user postgres), started. */
    static PrivatePostgres start() throws Exception {
        Path bin = dist().resolve("bin");
        Path data = Files.createTempDirectory("confide-pg");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8");
        Files.writeString(
                data.resolve("postgresql.conf"),
                "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
                        + "max_connections = 200\nfsync = off\n",
                java.nio.file.StandardOpenOption.APPEND);
        PrivatePostgres pg = new PrivatePostgres(bin, data, log, port);
        pg.startServer();
        return pg;
    }

    /** The server's JDBC URL without a database. */
    String server() {
        return "jdbc:postgresql://127.0.0.1:" + port;
    }

    void startServer() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /** Stopped at once, as a crash would ({@code immediate}: no checkpoint, clients cut off, recovery on start). */
    void stopServer() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } catch (Exception alreadyStopped) {
            // nothing to stop
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** PostgreSQL refuses to run as root: as root, in a user namespace of its own (as tools/infrastructure.sh does). */
    private static void run(String... cmd) throws Exception {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(List.of(cmd));
        Path out = Files.createTempFile("confide-pg-cmd", ".log");
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
        }
        String text = readQuietly(out);
        Files.deleteIfExists(out);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + text);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
