package org.confide.records.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A letter written on a client's behalf (R-CONS-3); recipient and body sealed with the client's key. */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(nullable = false)
    public byte[] recipient;

    @Column(nullable = false)
    public byte[] body;

    /** Where sending mails the letter, if anywhere; sealed like the recipient. */
    @Column(name = "recipient_email")
    public byte[] recipientEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LetterStatus status;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
