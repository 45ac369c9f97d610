package org.confide.platform.idempotency;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;

/** A start stops when an {@link Idempotent} route names no reread method that fits, rather than its first replay. */
@ApplicationScoped
public class IdempotentRoutes {

    void check(@Observes StartupEvent ignored, BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("org.confide.")) continue;
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Idempotent.class)) IdempotencyInterceptor.reread(method);
            }
        }
    }
}
