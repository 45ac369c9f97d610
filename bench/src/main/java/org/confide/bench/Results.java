package org.confide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints each figure as a table row and appends it as one JSON line to bench/results/NAME.jsonl. */
final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final String run = Instant.now().toString();

    Results(Path dir) {
        this.dir = dir;
        System.out.printf(
                "%-34s %14s %-10s %14s %-10s %8s  %s%n",
                "benchmark", "value", "unit", "baseline", "unit", "ratio", "target");
    }

    /** One figure beside the baseline measured in the same run; {@code baseline} may be NaN where there is none. */
    void row(
            String file,
            String name,
            double value,
            String unit,
            double baseline,
            String baselineUnit,
            String target,
            Map<String, Object> extra) {
        double ratio = Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
        System.out.printf(
                "%-34s %14.1f %-10s %14s %-10s %8s  %s%n",
                name,
                value,
                unit,
                Double.isNaN(baseline) ? "-" : String.format("%.1f", baseline),
                Double.isNaN(baseline) ? "" : baselineUnit,
                Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio),
                target);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("run", run);
        line.put("benchmark", name);
        line.put("value", value);
        line.put("unit", unit);
        if (!Double.isNaN(baseline)) {
            line.put("baseline", baseline);
            line.put("baselineUnit", baselineUnit);
            line.put("ratio", ratio);
        }
        line.put("target", target);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        line.putAll(extra);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(file + ".jsonl"),
                    JSON.writeValueAsString(line) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write results to " + dir, e);
        }
    }
}
