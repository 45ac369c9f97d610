package org.confide.platform.openapi;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.confide.platform.config.PlatformConfig;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Test support: when {@code confide.platform.openapi.observe-file} is set (the test profile and the system tests set
 * it), appends one line per answered request, {@code operationId status}, so that a test can check every status the
 * tests saw against the one the OpenAPI document declares (docs/api.md "OpenAPI"). Unset in production: nothing kept.
 */
public class StatusObserver {

    private static boolean started;

    @Inject
    PlatformConfig config;

    @ServerResponseFilter
    public void observe(ContainerResponseContext response, SimpleResourceInfo resource) {
        Optional<String> file = config.openapi().observeFile();
        if (file.isEmpty() || file.get().isBlank() || resource == null || resource.getResourceClass() == null) return;
        String id = ContractFilter.shortId(resource.getResourceClass().getName() + "_" + resource.getMethodName());
        String line = id + " " + response.getStatus() + "\n";
        try {
            Path path = Path.of(file.get());
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            synchronized (StatusObserver.class) {
                // A run starts its own file: statuses of an earlier build's code would be checked against today's.
                StandardOpenOption mode = started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
                started = true;
                Files.writeString(
                        path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
