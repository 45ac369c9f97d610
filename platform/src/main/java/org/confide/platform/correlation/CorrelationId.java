package org.confide.platform.correlation;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The correlation id of the current request: the caller's {@code X-Correlation-Id}, or a new UUID.
 * A disclosure's id becomes the correlation id of all its steps, so services may {@link #set} it.
 */
@RequestScoped
public class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";

    private String value;

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    public void set(String value) {
        this.value = value;
    }
}
