package org.confide.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.letter.repository.LetterRepository;
import org.confide.records.note.repository.NoteRepository;
import org.confide.records.paging.TimeCursor;
import org.confide.records.referral.repository.MilestoneRepository;
import org.confide.testing.QueryPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lists and the retention run stay fast at scale: with 300k clients (and notes, milestones, letters in proportion)
 * in the table, each query the service runs is planned on its index, never a sequential scan. The statements explained
 * are the ones the repositories send (captured from Hibernate), not copies.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexTest {

    @BeforeAll
    void load() {
        for (String sql : LOAD) {
            QuarkusTransaction.requiringNew()
                    .timeout(900)
                    .run(() -> Arc.container()
                            .instance(EntityManager.class)
                            .get()
                            .createNativeQuery(sql)
                            .executeUpdate());
        }
    }

    private static final List<String> LOAD =
            List.of("""
                    insert into client (id, org, programme, status, allocated_practitioner_id, identity,
                                        created_at, contact_ceased_at)
                    select gen_random_uuid(), 'big-' || (g % 300), 'COUNSELLING',
                           case when g % 10 = 0 then 'CONTACT_CEASED' else 'ACTIVE' end,
                           'prac-' || (g % 3000), '\\x00'::bytea, now() - (g || ' minutes')::interval,
                           case when g % 10 = 0 then now() - (g || ' minutes')::interval end
                    from generate_series(1, 300000) g""", """
                    insert into note (id, org, client_id, session_date, kind, body, author_id, created_at)
                    select gen_random_uuid(), c.org, c.id, current_date, 'SESSION', '\\x00'::bytea, 'p', now()
                    from (select id, org from client where org like 'big-%' limit 50000) c, generate_series(1, 4)""", """
                    insert into letter (id, org, client_id, recipient, body, status, author_id, created_at)
                    select gen_random_uuid(), c.org, c.id, '\\x00'::bytea, '\\x00'::bytea, 'DRAFT', 'p', now()
                    from (select id, org from client where org like 'big-%' limit 100000) c""", """
                    insert into milestone (id, org, client_id, referral_id, referrer_org, type, at)
                    select gen_random_uuid(), c.org, c.id, gen_random_uuid(), 'partner-' || (abs(hashtext(c.id::text)) % 500),
                           'INITIAL_MEETING_HELD', now()
                    from (select id, org from client where org like 'big-%' limit 200000) c""", "analyze client", "analyze note", "analyze letter", "analyze milestone");

    private static final UUID ONE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ZERO = UUID.fromString("00000000-0000-0000-0000-000000000000");
    private static final OffsetDateTime CUTOFF =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
    /** What each placeholder of the repositories' statements is compared with, and its value here. */
    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("org =", "big-7"),
            Map.entry("id >", ZERO),
            Map.entry("id =", ONE),
            Map.entry("allocated_practitioner_id =", "prac-7"),
            Map.entry("status =", "CONTACT_CEASED"),
            Map.entry("contact_ceased_at <=", CUTOFF),
            Map.entry("client_id =", ONE),
            Map.entry("referral_id =", ONE),
            Map.entry("referrer_org =", "partner-7"),
            Map.entry("created_at >", CUTOFF),
            Map.entry("created_at =", CUTOFF),
            Map.entry("limit", 51),
            Map.entry("offset", 0));

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    /** The repository call behind each list, by name. */
    private static Runnable call(String what) {
        TimeCursor cursor = new TimeCursor(CUTOFF, ZERO);
        return switch (what) {
            case "clients of an org" -> () -> bean(ClientRepository.class).page("big-7", null, null, ZERO, 51);
            case "a practitioner's clients" ->
                () -> bean(ClientRepository.class).page("big-7", null, "prac-7", null, 51);
            case "clients by status" ->
                () -> bean(ClientRepository.class).page("big-7", ClientStatus.CONTACT_CEASED, null, null, 51);
            case "retention due clients" -> () -> bean(ClientRepository.class).dueForDestruction("big-7", CUTOFF, 200);
            case "one client in its org" -> () -> bean(ClientRepository.class).findInOrg("big-7", ONE);
            case "a client's notes" -> () -> bean(NoteRepository.class).page(ONE, null, 51);
            case "a client's notes, next page" ->
                () -> bean(NoteRepository.class).page(ONE, cursor, 51);
            case "a client's letters" -> () -> bean(LetterRepository.class).page(ONE, null, 51);
            case "a client's letters, next page" ->
                () -> bean(LetterRepository.class).page(ONE, cursor, 51);
            case "a partner's notices" ->
                () -> bean(MilestoneRepository.class).notices("partner-7", null, null, null, 51);
            case "a referral's milestones" ->
                () -> bean(MilestoneRepository.class).ofReferral(ONE);
            case "a client's milestones" ->
                () -> bean(MilestoneRepository.class).ofClient(ONE);
            default -> throw new IllegalArgumentException(what);
        };
    }

    @DisplayName(
            "every list and the retention run use their index on a 300k-client table (the statement the repository sends)")
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "clients of an org             | client_org_id",
                "a practitioner's clients      | client_org_practitioner_id",
                "clients by status             | client_org_status_id",
                "retention due clients         | client_ceased",
                "one client in its org         | client_org_id",
                "a client's notes              | note_client",
                "a client's notes, next page   | note_client",
                "a client's letters            | letter_client",
                "a client's letters, next page | letter_client",
                "a partner's notices           | milestone_referrer",
                "a referral's milestones       | milestone_referral",
                "a client's milestones         | milestone_client",
            })
    void usesIndex(String what, String index) throws Exception {
        List<String> sent =
                QueryPlans.capture(() -> QuarkusTransaction.requiringNew().run(call(what)));
        assertEquals(1, sent.size(), what + " sends one statement: " + sent);
        String plan;
        try (Connection c = bean(AgroalDataSource.class).getConnection()) {
            plan = QueryPlans.explain(c, sent.getFirst(), VALUES);
        }
        assertTrue(plan.contains(index), what + " should use " + index + ":\n" + sent.getFirst() + "\n" + plan);
        assertFalse(plan.contains("Seq Scan"), what + " scans the table:\n" + sent.getFirst() + "\n" + plan);
    }
}
