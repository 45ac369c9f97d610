package org.confide.records;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lists and the retention run stay fast at scale: with 300k clients (and notes, milestones, letters in proportion)
 * in the table, each query the service runs is planned on its index, never a sequential scan.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexTest {

    @BeforeAll
    void load() {
        for (String sql : LOAD) {
            QuarkusTransaction.requiringNew().timeout(900).run(() ->
                    Arc.container().instance(EntityManager.class).get().createNativeQuery(sql).executeUpdate());
        }
    }

    private static final List<String> LOAD = List.of("""
                    insert into client (id, org, programme, status, allocated_practitioner_id, identity,
                                        created_at, contact_ceased_at)
                    select gen_random_uuid(), 'big-' || (g % 300), 'COUNSELLING',
                           case when g % 10 = 0 then 'CONTACT_CEASED' else 'ACTIVE' end,
                           'prac-' || (g % 3000), '\\x00'::bytea, now() - (g || ' minutes')::interval,
                           case when g % 10 = 0 then now() - (g || ' minutes')::interval end
                    from generate_series(1, 300000) g""",
            """
                    insert into note (id, org, client_id, session_date, kind, body, author_id, created_at)
                    select gen_random_uuid(), c.org, c.id, current_date, 'SESSION', '\\x00'::bytea, 'p', now()
                    from (select id, org from client where org like 'big-%' limit 50000) c, generate_series(1, 4)""",
            """
                    insert into letter (id, org, client_id, recipient, body, status, author_id, created_at)
                    select gen_random_uuid(), c.org, c.id, '\\x00'::bytea, '\\x00'::bytea, 'DRAFT', 'p', now()
                    from (select id, org from client where org like 'big-%' limit 100000) c""",
            """
                    insert into milestone (id, org, client_id, referral_id, referrer_org, type, at)
                    select gen_random_uuid(), c.org, c.id, gen_random_uuid(), 'partner-' || (abs(hashtext(c.id::text)) % 500),
                           'INITIAL_MEETING_HELD', now()
                    from (select id, org from client where org like 'big-%' limit 200000) c""",
            "analyze client", "analyze note", "analyze letter", "analyze milestone");

    @DisplayName("every list and the retention run use their index on a 300k-client table")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "clients of an org          | client_org_id              | select id from client where org = 'big-7' and id > '00000000-0000-0000-0000-000000000000' order by id limit 51",
            "a practitioner's clients   | client_org_practitioner_id | select id from client where org = 'big-7' and allocated_practitioner_id = 'prac-7' order by id limit 51",
            "clients by status          | client_org_status_id       | select id from client where org = 'big-7' and status = 'CONTACT_CEASED' order by id limit 51",
            "retention due clients      | client_ceased              | select id from client where org = 'big-7' and status = 'CONTACT_CEASED' and contact_ceased_at <= now() - interval '3 days' and legal_hold = false order by contact_ceased_at limit 200",
            "one client in its org      | client_org_id              | select id from client where org = 'big-7' and id = '00000000-0000-0000-0000-000000000001'",
            "a client's notes           | note_client                | select id from note where client_id = '00000000-0000-0000-0000-000000000001' order by created_at, id limit 51",
            "a client's letters         | letter_client              | select id from letter where client_id = '00000000-0000-0000-0000-000000000001' order by created_at, id limit 51",
            "a partner's notices        | milestone_referrer         | select id from milestone where referrer_org = 'partner-7' order by at, id limit 51",
            "a referral's milestones    | milestone_referral         | select id from milestone where referral_id = '00000000-0000-0000-0000-000000000001' order by at, id",
            "a client's milestones      | milestone_client           | select id from milestone where client_id = '00000000-0000-0000-0000-000000000001' order by at, id",
    })
    void usesIndex(String what, String index, String sql) {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            @SuppressWarnings("unchecked")
            List<Object> lines = em.createNativeQuery("explain " + sql).getResultList();
            return String.join("\n", lines.stream().map(Object::toString).toList());
        });
        assertTrue(plan.contains(index), what + " should use " + index + ":\n" + plan);
        assertFalse(plan.contains("Seq Scan"), what + " scans the table:\n" + plan);
    }
}
