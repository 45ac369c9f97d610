package org.confide.records.supervision.rule;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-CONF-2: supervision material uses no names and no identifying details. Finds the client's own identifiers in a
 * text: any part of the name as a whole word in any case, the date of birth in common UK forms, the email however
 * spaced or written out, the phone number however spaced or prefixed. Other names and other dates pass.
 * Plain Java, no framework types.
 */
public final class IdentifierDetector {

    public static final String RULE = "R-CONF-2";

    public enum Kind { NAME, DATE_OF_BIRTH, EMAIL, PHONE }

    public record Identifiers(String fullName, LocalDate dateOfBirth, String email, String phone) {
    }

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[-/.\\s]\\s*(\\d{1,2})\\s*[-/.\\s]\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern DMY_COMPACT = Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{4})(?!\\d)");
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?" + MONTH + ",?\\s*(\\d{4}|\\d{2})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_D_Y = Pattern.compile(
            "\\b" + MONTH + "\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4}|\\d{2})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d\\s().\\-/]{4,}\\d");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}']+");

    /** The kinds of the client's identifiers the text contains; empty when it may be used for supervision. */
    public Set<Kind> find(String text, Identifiers id) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        if (text == null || text.isBlank() || id == null) return found;
        if (containsName(text, id.fullName())) found.add(Kind.NAME);
        if (id.dateOfBirth() != null && containsDate(text, id.dateOfBirth())) found.add(Kind.DATE_OF_BIRTH);
        if (containsEmail(text, id.email())) found.add(Kind.EMAIL);
        if (containsPhone(text, id.phone())) found.add(Kind.PHONE);
        return found;
    }

    static boolean containsName(String text, String fullName) {
        if (fullName == null) return false;
        Set<String> words = new java.util.HashSet<>();
        Matcher w = WORD.matcher(fold(text));
        while (w.find()) words.add(w.group().replace("'", ""));
        for (String part : fold(fullName).split("[^\\p{L}\\p{M}']+")) {
            String p = part.replace("'", "");
            // Initials alone identify no one; every longer part of the name counts, in any case (R-CONF-2).
            if (p.length() >= 2 && words.contains(p)) return true;
        }
        return false;
    }

    static boolean containsDate(String text, LocalDate dob) {
        for (LocalDate d : dates(text, dob.getYear())) {
            if (d.equals(dob)) return true;
        }
        return false;
    }

    /** Every date the text spells in a common UK form (day first); two-digit years read in the birth year's century. */
    static List<LocalDate> dates(String text, int birthYear) {
        List<LocalDate> out = new ArrayList<>();
        Matcher m = YMD.matcher(text);
        while (m.find()) add(out, m.group(1), m.group(2), m.group(3), birthYear);
        m = DMY.matcher(text);
        while (m.find()) add(out, m.group(3), m.group(2), m.group(1), birthYear);
        m = DMY_COMPACT.matcher(text);
        while (m.find()) add(out, m.group(3), m.group(2), m.group(1), birthYear);
        m = D_MONTH_Y.matcher(text);
        while (m.find()) add(out, m.group(3), String.valueOf(month(m.group(2))), m.group(1), birthYear);
        m = MONTH_D_Y.matcher(text);
        while (m.find()) add(out, m.group(3), String.valueOf(month(m.group(1))), m.group(2), birthYear);
        return out;
    }

    private static void add(List<LocalDate> out, String y, String mo, String d, int birthYear) {
        try {
            int year = Integer.parseInt(y);
            if (y.length() == 2) year = birthYear - Math.floorMod(birthYear, 100) + year;
            out.add(LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d)));
        } catch (DateTimeException | NumberFormatException ignored) {
            // not a date
        }
    }

    static boolean containsEmail(String text, String email) {
        if (email == null || email.isBlank()) return false;
        String target = email.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        String t = text.toLowerCase(Locale.ROOT)
                .replaceAll("[\\[(]\\s*at\\s*[])]|\\s+at\\s+", "@")
                .replaceAll("[\\[(]\\s*dot\\s*[])]|\\s+dot\\s+", ".")
                .replaceAll("\\s", "");
        return t.contains(target);
    }

    static boolean containsPhone(String text, String phone) {
        if (phone == null) return false;
        String target = nationalDigits(phone);
        if (target.length() < 6) return false;
        Matcher m = PHONE_LIKE.matcher(text);
        while (m.find()) {
            if (nationalDigits(m.group()).contains(target)) return true;
        }
        return false;
    }

    /** The number without international or trunk prefix: +44 7700 900123, 0044…, 07700 900123 all give 7700900123. */
    static String nationalDigits(String s) {
        String d = s.replaceAll("\\D", "");
        if (d.startsWith("00")) d = d.substring(2);
        if (d.startsWith("44") && (s.trim().startsWith("+") || s.trim().startsWith("00"))) d = d.substring(2);
        if (d.startsWith("0")) d = d.substring(1);
        return d;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('’', '\'');
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(key.length() > 3 ? key.substring(0, 3) : key, 0);
    }

    private static Map<String, Integer> months() {
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], i + 1);
        return Map.copyOf(m);
    }
}
