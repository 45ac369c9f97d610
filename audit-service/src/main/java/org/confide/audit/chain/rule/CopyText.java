package org.confide.audit.chain.rule;

/**
 * PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash escapes): ingest writes a batch of
 * entries with one COPY FROM STDIN instead of a statement per row.
 */
public final class CopyText {

    private CopyText() {}

    /** Appends one field: NULL as {@code \N}; backslash, tab, newline and carriage return escaped. */
    public static void field(String s, StringBuilder sb) {
        if (s == null) {
            sb.append("\\N");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
    }

    /** A time in the chain's form as PostgreSQL reads it: years beyond 9999 without '+', years before 1 as BC. */
    public static String timestampInput(String chainForm) {
        char first = chainForm.charAt(0);
        if (first >= '0' && first <= '9' && !chainForm.startsWith("0000")) return chainForm;
        if (first == '+') return chainForm.substring(1);
        java.time.LocalDateTime at =
                java.time.LocalDateTime.ofInstant(java.time.Instant.parse(chainForm), java.time.ZoneOffset.UTC);
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d.%03d+00 BC",
                1 - at.getYear(),
                at.getMonthValue(),
                at.getDayOfMonth(),
                at.getHour(),
                at.getMinute(),
                at.getSecond(),
                at.getNano() / 1_000_000);
    }
}
