package org.confide.records.supervision.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confide.records.supervision.rule.IdentifierDetector.Identifiers;
import org.confide.records.supervision.rule.IdentifierDetector.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R-CONF-2 detection in time linear in the text (docs/api.md), and still catching all that the former patterns caught. */
class IdentifierDetectorLinearTimeTest {

    private static final int SIZE = 64 * 1024;
    private static final Identifiers SAM = new Identifiers(
            "Samantha O'Neill-Hope", LocalDate.of(1990, 2, 3), "sam.oneill@example.org", "+44 7700 900123");
    private final IdentifierDetector detector = new IdentifierDetector();

    /** A 64 KiB text of one repeated shape, cut to size. */
    private static String fill(String head, String unit) {
        StringBuilder b = new StringBuilder(SIZE).append(head);
        while (b.length() < SIZE) b.append(unit);
        return b.substring(0, SIZE);
    }

    static Stream<Arguments> adversarial() {
        return Stream.of(
                Arguments.of("one long digit run", fill("", "7")),
                Arguments.of("a digit then only spaces", fill("1", " ")),
                Arguments.of("two digits then only spaces", fill("1 1", " ")),
                Arguments.of("digits among long space runs", fill("", "1" + " ".repeat(4000))),
                Arguments.of("repeated separators", fill("1", " - / . ")),
                Arguments.of("digit, separator, digit, over and over", fill("", "1-")),
                Arguments.of("near-miss day-month-year", fill("", "03/02/199 ")),
                Arguments.of("near-miss year-month-day", fill("", "1990-02-031")),
                Arguments.of("day and ordinal of, no month", fill("", "3rd of ")),
                Arguments.of("month words with no year", fill("", "February 3rd, ")),
                Arguments.of("month then long spaces", fill("feb", " ")),
                Arguments.of("phone-like run with no end digit", fill("+4", "(-) ./")),
                Arguments.of("phone digits separated by spaces", fill("", "0 ")),
                Arguments.of("brackets then spaces, for at", fill("", "(" + " ".repeat(50))),
                Arguments.of("spaces then a near 'at'", fill("", " ".repeat(100) + "a")),
                Arguments.of("spelled-out at and dot", fill("", " at dot (at) [dot] ")),
                Arguments.of("apostrophes and letters", fill("", "o'")),
                Arguments.of("mixed whitespace kinds", fill("1", " \t\n\r\f\u000B\u00A0")),
                Arguments.of("random mix of every shape", random(SIZE, new Random(16))));
    }

    /**
     * Counts the checking thread's CPU time, not the wall clock, so a busy machine does not fail the test; the wall-clock
     * limit only ends a run that would otherwise go on for hours (as the former patterns did).
     */
    private Set<Kind> checkWithin2CpuSeconds(String shape, String text) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                    long start = cpu.getCurrentThreadCpuTime();
                    Set<Kind> found = detector.find(text, SAM);
                    long ms = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
                    assertTrue(ms < 2000, shape + ": " + ms + " ms of CPU for " + text.length() + " characters");
                    return found;
                },
                shape);
    }

    @DisplayName(
            "R-CONF-2: a 64 KiB adversarial supervision text is checked in under 2 s of CPU (guard against super-linear time)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void linear(String shape, String text) {
        assertEquals(SIZE, text.length());
        checkWithin2CpuSeconds(shape, text);
    }

    @DisplayName("R-CONF-2: the birth date, phone and email at the end of a 64 KiB adversarial text are still caught")
    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void stillCaught(String shape, String text) {
        String padded = text + " dob 3/2/1990, call 07700 900123, mail sam.oneill at example dot org";
        Set<Kind> found = checkWithin2CpuSeconds(shape, padded);
        assertTrue(found.containsAll(EnumSet.of(Kind.DATE_OF_BIRTH, Kind.PHONE, Kind.EMAIL)), shape + ": " + found);
    }

    @Test
    @DisplayName(
            "R-CONF-2: on 10,000 short random texts the scanner finds every date, phone and email the former patterns found")
    void catchesWhatThePatternsCaught() {
        Random r = new Random(2026_12_03);
        for (int k = 0; k < 10_000; k++) {
            String text = random(8 + r.nextInt(40), r);
            Set<LocalDate> now = new HashSet<>(IdentifierDetector.dates(text, 1990));
            for (LocalDate d : Former.dates(text, 1990)) {
                assertTrue(now.contains(d), "missed " + d + " in [" + text + "]");
            }
            if (Former.containsPhone(text, "+44 7700 900123")) {
                assertTrue(
                        IdentifierDetector.containsPhone(text, "+44 7700 900123"),
                        "missed the phone in [" + text + "]");
            }
            if (Former.containsEmail(text, "a.b@c.d")) {
                assertTrue(IdentifierDetector.containsEmail(text, "a.b@c.d"), "missed the email in [" + text + "]");
            }
        }
    }

    /** Text built of the pieces dates, phones and emails are made of, so that many random texts hold one. */
    private static String random(int length, Random r) {
        List<String> pieces = List.of(
                "0",
                "1",
                "2",
                "3",
                "9",
                "03",
                "02",
                "12",
                "90",
                "1990",
                "2024",
                "7700",
                "900123",
                "0044",
                "+44",
                "+",
                " ",
                "  ",
                "\t",
                "-",
                "/",
                ".",
                ",",
                "(",
                ")",
                "[",
                "]",
                "st",
                "rd",
                "th",
                "of",
                "feb",
                "February",
                "Feb.",
                "MAR",
                "sept",
                "june",
                "x",
                "a",
                "b",
                "c",
                "d",
                "at",
                "dot",
                "@",
                "_",
                "é");
        StringBuilder b = new StringBuilder(length + 16);
        while (b.length() < length) b.append(pieces.get(r.nextInt(pieces.size())));
        return b.toString();
    }

    /** The former regular expressions, kept here only as the reference of what must still be caught. */
    private static final class Former {
        static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
        static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
        static final Pattern DMY =
                Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[-/.\\s]\\s*(\\d{1,2})\\s*[-/.\\s]\\s*(\\d{4}|\\d{2})(?!\\d)");
        static final Pattern DMY_COMPACT = Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{4})(?!\\d)");
        static final Pattern D_MONTH_Y = Pattern.compile(
                "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?" + MONTH + ",?\\s*(\\d{4}|\\d{2})(?!\\d)",
                Pattern.CASE_INSENSITIVE);
        static final Pattern MONTH_D_Y = Pattern.compile(
                "\\b" + MONTH + "\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4}|\\d{2})(?!\\d)", Pattern.CASE_INSENSITIVE);
        static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d\\s().\\-/]{4,}\\d");
        static final List<String> MONTHS =
                List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

        static List<LocalDate> dates(String text, int birthYear) {
            List<LocalDate> out = new java.util.ArrayList<>();
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

        static void add(List<LocalDate> out, String y, String mo, String d, int birthYear) {
            try {
                int year = Integer.parseInt(y);
                if (y.length() == 2) year = birthYear - Math.floorMod(birthYear, 100) + year;
                out.add(LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d)));
            } catch (java.time.DateTimeException | NumberFormatException ignored) {
                // not a date
            }
        }

        static int month(String name) {
            String key = name.toLowerCase(Locale.ROOT).replace(".", "");
            return MONTHS.indexOf(key.length() > 3 ? key.substring(0, 3) : key) + 1;
        }

        static boolean containsEmail(String text, String email) {
            String target = email.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
            String t = text.toLowerCase(Locale.ROOT)
                    .replaceAll("[\\[(]\\s*at\\s*[])]|\\s+at\\s+", "@")
                    .replaceAll("[\\[(]\\s*dot\\s*[])]|\\s+dot\\s+", ".")
                    .replaceAll("\\s", "");
            return t.contains(target);
        }

        static boolean containsPhone(String text, String phone) {
            String target = IdentifierDetector.nationalDigits(phone);
            Matcher m = PHONE_LIKE.matcher(text);
            while (m.find()) {
                if (IdentifierDetector.nationalDigits(m.group()).contains(target)) return true;
            }
            return false;
        }
    }
}
