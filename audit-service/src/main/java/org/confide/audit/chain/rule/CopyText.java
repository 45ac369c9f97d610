package org.confide.audit.chain.rule;

/**
 * PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash escapes): ingest writes the log with
 * COPY FROM and verify reads it with COPY TO, a stream of lines instead of a statement or a result row per entry.
 * Timestamps are read in the form PostgreSQL prints with {@code DateStyle ISO} and {@code TimeZone UTC}.
 */
public final class CopyText {

    private CopyText() {
    }

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

    /**
     * Splits one line (without its newline) into exactly {@code into.length} fields, undoing the escapes;
     * returns false when the line has another number of fields.
     */
    public static boolean split(CharSequence line, String[] into) {
        int n = 0;
        int start = 0;
        int len = line.length();
        for (int i = 0; i <= len; i++) {
            if (i == len || line.charAt(i) == '\t') {
                if (n == into.length) return false;
                into[n++] = decode(line, start, i);
                start = i + 1;
            }
        }
        return n == into.length;
    }

    /** One field of a line: {@code \N} is NULL; escapes per the COPY documentation (also octal and hex). */
    static String decode(CharSequence line, int from, int to) {
        if (to - from == 2 && line.charAt(from) == '\\' && line.charAt(from + 1) == 'N') {
            return null;
        }
        int bs = -1;
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == '\\') {
                bs = i;
                break;
            }
        }
        if (bs < 0) {
            return line.subSequence(from, to).toString();
        }
        StringBuilder sb = new StringBuilder(to - from);
        sb.append(line, from, bs);
        for (int i = bs; i < to; i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                sb.append(c);
                continue;
            }
            char e = line.charAt(++i);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'x' -> {
                    int v = 0;
                    int k = 0;
                    while (k < 2 && i + 1 < to && Character.digit(line.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(line.charAt(++i), 16);
                        k++;
                    }
                    if (k == 0) sb.append('x');
                    else sb.append((char) v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < to && line.charAt(i + 1) >= '0' && line.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + (line.charAt(++i) - '0');
                        }
                        sb.append((char) v);
                    } else {
                        sb.append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A {@code timestamptz} as PostgreSQL prints it with {@code DateStyle ISO} in UTC ({@code 2026-01-02 03:04:05.678+00},
     * fraction up to microseconds, more year digits or {@code BC} at the ends of the range) in the chain's form
     * ({@link org.confide.audit.chain.AuditTime#format}: milliseconds, none when zero, {@code Z}).
     *
     * @throws IllegalArgumentException for text in any other form
     */
    public static String utcTimestamp(String pg) {
        boolean bc = pg.endsWith(" BC");
        int end = bc ? pg.length() - 3 : pg.length();
        int y = pg.indexOf('-');
        if (!pg.startsWith("+00", end - 3) || y < 4 || !digits(pg, 0, y)) throw notTimestamp(pg);
        end -= 3;
        int t = y + 6; // the space between date and time
        if (end < t + 9 || pg.charAt(y + 3) != '-' || pg.charAt(t) != ' ' || pg.charAt(t + 3) != ':'
                || pg.charAt(t + 6) != ':' || !digits(pg, y + 1, y + 3) || !digits(pg, y + 4, t)
                || !digits(pg, t + 1, t + 3) || !digits(pg, t + 4, t + 6) || !digits(pg, t + 7, t + 9)) {
            throw notTimestamp(pg);
        }
        int millis = 0;
        if (end > t + 9) {
            int f = t + 10;
            if (pg.charAt(t + 9) != '.' || end - f < 1 || end - f > 6 || !digits(pg, f, end)) throw notTimestamp(pg);
            for (int i = f; i < f + 3; i++) {
                millis = millis * 10 + (i < end ? pg.charAt(i) - '0' : 0);
            }
        }
        if (y == 4 && !bc) {
            // The usual case, years 1000-9999: the same text as Instant.toString, without making one.
            StringBuilder sb = new StringBuilder(24).append(pg, 0, 10).append('T').append(pg, 11, 19);
            if (millis != 0) {
                sb.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                        .append((char) ('0' + millis % 10));
            }
            return sb.append('Z').toString();
        }
        long year = Long.parseLong(pg, 0, y, 10);
        java.time.LocalDateTime at = java.time.LocalDateTime.of(Math.toIntExact(bc ? 1 - year : year),
                Integer.parseInt(pg, y + 1, y + 3, 10), Integer.parseInt(pg, y + 4, t, 10),
                Integer.parseInt(pg, t + 1, t + 3, 10), Integer.parseInt(pg, t + 4, t + 6, 10),
                Integer.parseInt(pg, t + 7, t + 9, 10), millis * 1_000_000);
        return at.toInstant(java.time.ZoneOffset.UTC).toString();
    }

    /** A time in the chain's form as PostgreSQL reads it: years beyond 9999 without '+', years before 1 as BC. */
    public static String timestampInput(String chainForm) {
        char first = chainForm.charAt(0);
        if (first >= '0' && first <= '9' && !chainForm.startsWith("0000")) return chainForm;
        if (first == '+') return chainForm.substring(1);
        java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(java.time.Instant.parse(chainForm),
                java.time.ZoneOffset.UTC);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%03d+00 BC", 1 - at.getYear(), at.getMonthValue(),
                at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(), at.getNano() / 1_000_000);
    }

    private static IllegalArgumentException notTimestamp(String pg) {
        return new IllegalArgumentException("not a UTC timestamp in ISO style: " + pg);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
