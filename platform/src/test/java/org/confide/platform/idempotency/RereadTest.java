package org.confide.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RereadTest {

    record Note(String id, String text) {}

    record Member(String memberId) {}

    static class Notes {
        @Idempotent(reread = "note")
        public Response write(@PathParam("id") String clientId, Note body) {
            return Response.status(201).entity(body).build();
        }

        Note note(String clientId, String noteId) {
            return new Note(noteId, "now, of " + clientId);
        }

        @Idempotent(reread = "missing")
        public Response broken(@PathParam("id") String clientId, Note body) {
            return null;
        }

        @Idempotent(reread = "member", id = "memberId")
        public Response join(@PathParam("id") String groupId, Member body) {
            return null;
        }

        Member member(String groupId, String memberId) {
            return new Member(memberId);
        }
    }

    @Test
    @DisplayName("a replay calls the named method with the POST's path parameters and the stored resource id")
    void readsAgain() throws Exception {
        var reread = IdempotencyInterceptor.reread(Notes.class.getMethod("write", String.class, Note.class));
        Object now = reread.read(new Notes(), new Object[] {"c-1", new Note(null, "body")}, "n-9");
        assertEquals(new Note("n-9", "now, of c-1"), now);
        assertEquals("n-9", reread.idOf(new ObjectMapper(), new Note("n-9", "x")));
        var join = IdempotencyInterceptor.reread(Notes.class.getMethod("join", String.class, Member.class));
        assertEquals("m-3", join.idOf(new ObjectMapper(), new Member("m-3")));
    }

    @Test
    @DisplayName("a reread that names no fitting method is refused, naming it (checked at start by IdempotentRoutes)")
    void missing() throws Exception {
        var broken = Notes.class.getMethod("broken", String.class, Note.class);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> IdempotencyInterceptor.reread(broken));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
