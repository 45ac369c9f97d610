package org.confide.audit.tamper;

import static org.confide.audit.AuditTestSupport.owner;

import java.sql.Connection;
import java.sql.Statement;

/** What an attacker with the database owner's access does: switch the log's guards off and change rows. */
public final class Attacker {

    private Attacker() {}

    public static void asAttacker(String... sql) throws Exception {
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            st.execute("ALTER TABLE checkpoint DISABLE TRIGGER USER");
            try {
                for (String s : sql) st.execute(s);
            } finally {
                st.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
                st.execute("ALTER TABLE checkpoint ENABLE TRIGGER USER");
            }
        }
    }
}
