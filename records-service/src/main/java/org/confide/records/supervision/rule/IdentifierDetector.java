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
 * Time linear in the text's length whatever the text (docs/api.md: a text a detector scans is scanned in linear time):
 * hand-written scanners, and no pattern that can backtrack. Plain Java, no framework types.
 */
public final class IdentifierDetector {

    public static final String RULE = "R-CONF-2";

    public enum Kind {
        NAME,
        DATE_OF_BIRTH,
        EMAIL,
        PHONE
    }

    public record Identifiers(String fullName, LocalDate dateOfBirth, String email, String phone) {}

    /** The month names a date may spell, any case, as the word they stand in: full, or their usual abbreviation. */
    private static final Map<String, Integer> MONTHS = months();

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

    /**
     * Every date the text spells in a common UK form (day first); two-digit years read in the birth year's century.
     * The forms: 1990-02-03, 3/2/90, 03 . 02 . 1990 (one of - / . or spaces between the parts), 03021990, 3rd of Feb.
     * 1990, Feb 3rd, 1990. A hand-written scanner, not regular expressions: every start is a run of digits or letters and
     * looks at a fixed number of runs after it, so the time is linear in the text's length, whatever the text (a
     * backtracking pattern took cubic time on digits among long runs of spaces).
     */
    static List<LocalDate> dates(String text, int birthYear) {
        List<LocalDate> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                int end = digitsEnd(text, i);
                numberFirst(text, i, end, birthYear, out);
                i = end;
            } else if (isLetter(c)) {
                int end = lettersEnd(text, i);
                monthFirst(text, i, end, birthYear, out);
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Dates whose first part is the digit run [s, e): year-month-day, day-month-year, ddmmyyyy, day of month year. */
    private static void numberFirst(String t, int s, int e, int birthYear, List<LocalDate> out) {
        int len = e - s;
        if (len == 8) add(out, t.substring(s + 4, e), t.substring(s + 2, s + 4), t.substring(s, s + 2), birthYear);
        if (len == 4) yearMonthDay(t, s, e, birthYear, out);
        if (len <= 2) {
            dayMonthYear(t, s, e, birthYear, out);
            dayOfMonthYear(t, s, e, birthYear, out);
        }
    }

    /** 1990-02-03, 1990/2/3, 1990.02.03: one separator character between the parts, no spaces. */
    private static void yearMonthDay(String t, int s, int e, int birthYear, List<LocalDate> out) {
        if (!isDateSeparator(t, e) || !isDigit(t, e + 1)) return;
        int monthEnd = digitsEnd(t, e + 1);
        if (monthEnd - (e + 1) > 2 || !isDateSeparator(t, monthEnd) || !isDigit(t, monthEnd + 1)) return;
        int dayEnd = digitsEnd(t, monthEnd + 1);
        if (dayEnd - (monthEnd + 1) > 2) return;
        add(out, t.substring(s, e), t.substring(e + 1, monthEnd), t.substring(monthEnd + 1, dayEnd), birthYear);
    }

    /** 03/02/1990, 3-2-90, 03 02 1990, 3 / 2 / 1990: day and month of one or two digits, year of two or four. */
    private static void dayMonthYear(String t, int s, int e, int birthYear, List<LocalDate> out) {
        int monthStart = gapEnd(t, e);
        if (monthStart < 0 || !isDigit(t, monthStart)) return;
        int monthEnd = digitsEnd(t, monthStart);
        if (monthEnd - monthStart > 2) return;
        int yearStart = gapEnd(t, monthEnd);
        if (yearStart < 0 || !isDigit(t, yearStart)) return;
        int yearEnd = digitsEnd(t, yearStart);
        if (yearEnd - yearStart != 2 && yearEnd - yearStart != 4) return;
        add(out, t.substring(yearStart, yearEnd), t.substring(monthStart, monthEnd), t.substring(s, e), birthYear);
    }

    /** 3 Feb 1990, 3rd of February, 1990, 03feb90: the day, an optional st/nd/rd/th, an optional "of", the month. */
    private static void dayOfMonthYear(String t, int s, int e, int birthYear, List<LocalDate> out) {
        int[] afterDay = {e, hasOrdinal(t, e) ? e + 2 : -1};
        for (int a : afterDay) {
            if (a < 0) continue;
            int m = spacesEnd(t, a);
            monthThenYear(t, s, e, m, birthYear, out);
            if (regionIs(t, m, "of") && isSpace(t, m + 2)) monthThenYear(t, s, e, spacesEnd(t, m + 2), birthYear, out);
        }
    }

    /** The month word starting at m, an optional "." and ",", spaces, then a year of two or four digits. */
    private static void monthThenYear(String t, int dayStart, int dayEnd, int m, int birthYear, List<LocalDate> out) {
        if (!isLetter(t, m)) return;
        int monthEnd = lettersEnd(t, m);
        int month = monthNumber(t, m, monthEnd);
        if (month == 0) return;
        int p = monthEnd;
        if (charIs(t, p, '.')) p++;
        if (charIs(t, p, ',')) p++;
        p = spacesEnd(t, p);
        if (!isDigit(t, p)) return;
        int yearEnd = digitsEnd(t, p);
        if (yearEnd - p != 2 && yearEnd - p != 4) return;
        add(out, t.substring(p, yearEnd), String.valueOf(month), t.substring(dayStart, dayEnd), birthYear);
    }

    /** Feb 3 1990, February 3rd, 1990, Feb. 03 90, feb 31990: the month word [s, e), the day, the year. */
    private static void monthFirst(String t, int s, int e, int birthYear, List<LocalDate> out) {
        int month = monthNumber(t, s, e);
        if (month == 0) return;
        int p = e;
        if (charIs(t, p, '.')) p++;
        p = spacesEnd(t, p);
        if (!isDigit(t, p)) return;
        int runEnd = digitsEnd(t, p);
        int len = runEnd - p;
        String mo = String.valueOf(month);
        // Day and year written together (31990, 0390): a day of one or two digits, a year of two or four.
        for (int dayLen = 1; dayLen <= 2; dayLen++) {
            int yearLen = len - dayLen;
            if (yearLen == 2 || yearLen == 4)
                add(out, t.substring(p + dayLen, runEnd), mo, t.substring(p, p + dayLen), birthYear);
        }
        if (len > 2) return;
        int q = hasOrdinal(t, runEnd) ? runEnd + 2 : runEnd;
        if (charIs(t, q, ',')) q++;
        q = spacesEnd(t, q);
        if (!isDigit(t, q)) return;
        int yearEnd = digitsEnd(t, q);
        if (yearEnd - q == 2 || yearEnd - q == 4)
            add(out, t.substring(q, yearEnd), mo, t.substring(p, runEnd), birthYear);
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
        String target = withoutSpaces(email.toLowerCase(Locale.ROOT));
        if (target.isEmpty()) return false;
        return withoutSpaces(spelledOut(spelledOut(text.toLowerCase(Locale.ROOT), "at", '@'), "dot", '.'))
                .contains(target);
    }

    /**
     * The text with each spelled-out symbol written as the symbol: "(at)", "[ at ]" and " at " become '@'. One pass, each
     * run of spaces looked at a fixed number of times (a pattern such as \s+at\s+ takes quadratic time on long runs).
     */
    static String spelledOut(String t, String word, char symbol) {
        int n = t.length();
        StringBuilder b = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '(' || c == '[') {
                int w = spacesEnd(t, i + 1);
                if (regionIs(t, w, word)) {
                    int close = spacesEnd(t, w + word.length());
                    if (charIs(t, close, ')') || charIs(t, close, ']')) {
                        b.append(symbol);
                        i = close + 1;
                        continue;
                    }
                }
                b.append(c);
                i++;
            } else if (isSpace(c)) {
                int w = spacesEnd(t, i);
                if (regionIs(t, w, word) && isSpace(t, w + word.length())) {
                    b.append(symbol);
                    i = spacesEnd(t, w + word.length());
                } else {
                    b.append(t, i, w);
                    i = w;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /**
     * R-CONF-2: the phone number in any stretch of digits and the characters a number is written with (spaces, ( ) . - /),
     * optionally after a +, from a digit to a digit, six characters or more. Scanned once, left to right.
     */
    static boolean containsPhone(String text, String phone) {
        if (phone == null) return false;
        String target = nationalDigits(phone);
        if (target.length() < 6) return false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i > 0 && text.charAt(i - 1) == '+' ? i - 1 : i;
            int end = i + 1;
            int lastDigit = i;
            while (end < n && isPhoneChar(text.charAt(end))) {
                if (isDigit(text.charAt(end))) lastDigit = end;
                end++;
            }
            if (lastDigit - i >= 5
                    && nationalDigits(text.substring(start, lastDigit + 1)).contains(target)) return true;
            i = end;
        }
        return false;
    }

    /** The number without international or trunk prefix: +44 7700 900123, 0044…, 07700 900123 all give 7700900123. */
    static String nationalDigits(String s) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) digits.append(s.charAt(i));
        }
        String d = digits.toString();
        if (d.startsWith("00")) d = d.substring(2);
        if (d.startsWith("44") && (s.trim().startsWith("+") || s.trim().startsWith("00"))) d = d.substring(2);
        if (d.startsWith("0")) d = d.substring(1);
        return d;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(String t, int i) {
        return i < t.length() && isDigit(t.charAt(i));
    }

    /** ASCII letters: the month names and st/nd/rd/th are matched in any case. */
    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLetter(String t, int i) {
        return i < t.length() && isLetter(t.charAt(i));
    }

    /** The spaces of \s, and also the Unicode ones (a no-break space between "3" and "Feb" still separates them). */
    private static boolean isSpace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || Character.isSpaceChar(c);
    }

    private static boolean isSpace(String t, int i) {
        return i < t.length() && isSpace(t.charAt(i));
    }

    private static boolean isPhoneChar(char c) {
        return isDigit(c) || isSpace(c) || c == '(' || c == ')' || c == '.' || c == '-' || c == '/';
    }

    private static boolean isDateSeparator(String t, int i) {
        return charIs(t, i, '-') || charIs(t, i, '/') || charIs(t, i, '.');
    }

    private static boolean charIs(String t, int i, char c) {
        return i < t.length() && t.charAt(i) == c;
    }

    private static int digitsEnd(String t, int i) {
        while (i < t.length() && isDigit(t.charAt(i))) i++;
        return i;
    }

    private static int lettersEnd(String t, int i) {
        while (i < t.length() && isLetter(t.charAt(i))) i++;
        return i;
    }

    private static int spacesEnd(String t, int i) {
        while (i < t.length() && isSpace(t.charAt(i))) i++;
        return i;
    }

    /** The end of the gap between two parts of a numeric date (spaces, with at most one of - / . among them), or -1. */
    private static int gapEnd(String t, int i) {
        int p = spacesEnd(t, i);
        if (isDateSeparator(t, p)) p = spacesEnd(t, p + 1);
        return p > i ? p : -1;
    }

    private static boolean hasOrdinal(String t, int i) {
        return regionIs(t, i, "st") || regionIs(t, i, "nd") || regionIs(t, i, "rd") || regionIs(t, i, "th");
    }

    /** Whether t holds the (lower-case ASCII) word at i, in any case. */
    private static boolean regionIs(String t, int i, String word) {
        return i >= 0 && t.regionMatches(true, i, word, 0, word.length());
    }

    private static String withoutSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) b.append(s.charAt(i));
        }
        return b.toString();
    }

    /** The month of the letters [s, e) when they are one of the names MONTHS holds, else 0. */
    private static int monthNumber(String t, int s, int e) {
        if (e - s < 3 || e - s > 9) return 0;
        return MONTHS.getOrDefault(t.substring(s, e).toLowerCase(Locale.ROOT), 0);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'');
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"jan", "january"},
            {"feb", "february"},
            {"mar", "march"},
            {"apr", "april"},
            {"may"},
            {"jun", "june"},
            {"jul", "july"},
            {"aug", "august"},
            {"sep", "sept", "september"},
            {"oct", "october"},
            {"nov", "november"},
            {"dec", "december"}
        };
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) m.put(name, i + 1);
        }
        return Map.copyOf(m);
    }
}
