package org.confide.audit.export.rule;

import java.util.List;

/**
 * RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break; quotes are doubled; CRLF ends a record.
 * A cell a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return; OWASP "CSV
 * Injection") gets a leading single quote and is quoted, so an event's ids or codes cannot run in an auditor's sheet.
 */
public final class Csv {

    private Csv() {}

    public static String field(String value) {
        if (value == null) return "";
        if (value.isEmpty()) return "\"\"";
        if (formula(value)) return '"' + ("'" + value).replace("\"", "\"\"") + '"';
        boolean quote = value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Whether a spreadsheet would take the cell as a formula (OWASP CSV injection). */
    static boolean formula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    public static String record(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }
}
