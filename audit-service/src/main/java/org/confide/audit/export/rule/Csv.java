package org.confide.audit.export.rule;

import java.util.List;

/** RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line break; quotes are doubled; CRLF ends a record. */
public final class Csv {

    private Csv() {
    }

    public static String field(String value) {
        if (value == null) return "";
        if (value.isEmpty()) return "\"\"";
        boolean quote = value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
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
