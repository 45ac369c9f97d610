package org.confide.records.client.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;
import org.confide.records.client.Programme;
import org.confide.records.client.service.ClientShown;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the clients API (docs/api.md records-service). */
public final class ClientDtos {

    private ClientDtos() {}

    public record Identity(
            @NotBlank @Size(max = 200) String fullName,
            LocalDate dateOfBirth,
            @Email @Size(max = 320) String email,

            @Size(max = 40) @Pattern(regexp = "[0-9+() .-]*", message = "may hold digits, spaces and + ( ) . - only")
            String phone) {

        public org.confide.records.client.Identity toIdentity() {
            return new org.confide.records.client.Identity(fullName, dateOfBirth, email, phone);
        }

        public static Identity of(org.confide.records.client.Identity i) {
            return i == null ? null : new Identity(i.fullName(), i.dateOfBirth(), i.email(), i.phone());
        }
    }

    public record RegisterClient(
            @NotNull @Valid Identity identity,
            @NotNull Programme programme,
            @NotNull Boolean limitsExplained,
            Integer statementVersion,
            Boolean supervisionExplained) {

        public org.confide.records.client.service.RegisterClient toCommand() {
            return new org.confide.records.client.service.RegisterClient(
                    identity.toIdentity(), programme, limitsExplained, statementVersion, supervisionExplained);
        }
    }

    public record Referral(UUID id, String referrerOrg) {}

    /** What is left of a destroyed client (R-REC-3): its id, status and when. */
    public record Tombstone(UUID id, ClientStatus status, OffsetDateTime destroyedAt) {

        public static Tombstone of(Client c) {
            return new Tombstone(c.id, c.status, c.destroyedAt);
        }
    }

    public record ClientView(
            UUID id,
            String org,
            Programme programme,
            ClientStatus status,
            String allocatedPractitionerId,
            Referral referral,
            OffsetDateTime createdAt,
            OffsetDateTime contactCeasedAt,
            OffsetDateTime retainUntil,
            boolean legalHold,
            Identity identity,
            OffsetDateTime limitsExplainedAt,
            Integer statementVersion,
            OffsetDateTime supervisionExplainedAt) {

        public static ClientView of(ClientShown shown) {
            Client c = shown.client();
            return new ClientView(
                    c.id,
                    c.org,
                    c.programme,
                    c.status,
                    c.allocatedPractitionerId,
                    c.referralId == null ? null : new Referral(c.referralId, c.referrerOrg),
                    c.createdAt,
                    c.contactCeasedAt,
                    shown.retainUntil(),
                    c.legalHold,
                    Identity.of(shown.identity()),
                    c.limitsExplainedAt,
                    c.statementVersion,
                    c.supervisionExplainedAt);
        }
    }

    /** How a client in a list is published: the client, or once destroyed, only its tombstone (R-REC-3). */
    @Schema(
            name = "ClientOrTombstone",
            oneOf = {ClientView.class, Tombstone.class})
    public interface ClientOrTombstone {}

    /** A page of clients as the OpenAPI document publishes it (docs/api.md "Lists"). */
    @Schema(name = "ClientPage")
    public record ClientPage(
            List<ClientOrTombstone> items,
            @Schema(nullable = true) String nextCursor) {}
}
