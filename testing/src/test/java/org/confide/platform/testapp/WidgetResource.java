package org.confide.platform.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confide.platform.auth.Caller;
import org.confide.platform.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A creating POST with an Idempotency-Key, as the services' are: one widget row per request that runs. A test can
 * hold a request inside, after its write and before its answer, to send another with the same key meanwhile.
 */
@Tag(name = "Widgets", description = "The platform tests' own resource.")
@Path("/platform-test/widgets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public record Widget(String id, String name) {}

    /** Counted down when a request has written its widget; the request then waits for {@link #release}. */
    public static volatile CountDownLatch written = new CountDownLatch(0);

    public static volatile CountDownLatch release = new CountDownLatch(0);
    /** How many requests have run (written a widget). */
    public static final AtomicInteger ran = new AtomicInteger();
    /** The next request fails after its write (its transaction rolls back), as a request that hits an error. */
    public static volatile boolean failNext;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed("practitioner")
    @Transactional
    @Idempotent(reread = "read")
    public Response create(Widget body) throws InterruptedException {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into widget (id, org, name) values (?1, ?2, ?3)")
                .setParameter(1, id)
                .setParameter(2, caller.org())
                .setParameter(3, body.name())
                .executeUpdate();
        em.flush();
        ran.incrementAndGet();
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("this request fails");
        }
        written.countDown();
        if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        return Response.created(URI.create("/platform-test/widgets/" + id))
                .entity(new Widget(id.toString(), body.name()))
                .build();
    }

    Widget read(String id) {
        Object name = em.createNativeQuery("select name from widget where id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult();
        return new Widget(id, (String) name);
    }
}
