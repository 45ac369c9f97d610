package org.confide.records.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One member's attendance of one session (member ids only). */
@Entity
@Table(name = "group_attendance")
public class GroupAttendance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    /** R-SAFE-2: when support was offered to this attendee after the session was ended for safety. */
    @Column(name = "support_offered_at")
    public java.time.OffsetDateTime supportOfferedAt;
}
