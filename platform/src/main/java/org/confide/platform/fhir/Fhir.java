package org.confide.platform.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The FHIR R4 data types Confide's FHIR endpoints use (docs/api.md "FHIR R4"), as plain records serialised by Jackson:
 * no FHIR library at run time. Empty and null elements are left out, as FHIR JSON requires.
 */
public final class Fhir {

    /** The media type of FHIR JSON; {@code application/json} is accepted and answered too. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    public static final String FHIR_VERSION = "4.0.1";

    /** Identifier systems of Confide's own ids: a client, an organisation, a token subject, a correlation id. */
    public static final String CLIENT_SYSTEM = "urn:confide:client";

    public static final String ORG_SYSTEM = "urn:confide:org";
    public static final String SUBJECT_SYSTEM = "urn:confide:subject";
    public static final String CORRELATION_SYSTEM = "urn:confide:correlation";
    public static final String SERVICE_SYSTEM = "urn:confide:service";

    /** Confide's own code systems (the enums of docs/api.md), {@code <base><name>}: purpose, category, role, ... */
    public static final String CODE_SYSTEM_BASE = "https://confide.example/fhir/CodeSystem/";

    private Fhir() {}

    public static String codeSystem(String name) {
        return CODE_SYSTEM_BASE + name;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CodeableConcept(List<Coding> coding, String text) {
        public static CodeableConcept of(Coding... codings) {
            return new CodeableConcept(List.of(codings), null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Identifier(String system, String value) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Reference(String reference, String type, Identifier identifier, String display) {
        /** A logical reference: by Confide's identifier, since Confide serves no resource of that type. */
        public static Reference byIdentifier(String type, String system, String value, String display) {
            return new Reference(null, type, new Identifier(system, value), display);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Period(String start, String end) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Meta(String lastUpdated, List<Coding> tag) {}

    /** Generated narrative: codes and ids only, never free text (docs/api.md "FHIR R4"). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Narrative(String status, String div) {
        public static Narrative generated(String text) {
            return new Narrative(
                    "generated", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></div>");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Extension(String url, String valueCode, String valueString) {}

    /** An FHIR instant or dateTime with a time: UTC, to the millisecond at most (FHIR allows any precision). */
    public static String instant(OffsetDateTime t) {
        return t == null ? null : instant(t.toInstant());
    }

    public static String instant(Instant t) {
        return t == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        t.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
