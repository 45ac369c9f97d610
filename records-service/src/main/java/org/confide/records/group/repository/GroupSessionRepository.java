package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.records.group.GroupAttendance;
import org.confide.records.group.GroupSession;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class GroupSessionRepository implements PanacheRepositoryBase<GroupSession, UUID> {

    /** A page of the group's sessions in recording order (index group_session_group). */
    public List<GroupSession> page(UUID groupId, TimeCursor after, int limit) {
        if (after == null) {
            return find("groupId = ?1 order by createdAt, id", groupId)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "groupId = :group and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                        Parameters.with("group", groupId).and("at", after.at()).and("id", after.id()))
                .page(0, limit)
                .list();
    }

    public void attend(UUID sessionId, UUID memberId) {
        GroupAttendance a = new GroupAttendance();
        a.id = UUID.randomUUID();
        a.sessionId = sessionId;
        a.memberId = memberId;
        getEntityManager().persist(a);
    }

    /** The attendees (member ids) of each of these sessions. */
    public Map<UUID, List<UUID>> attendeesOf(Collection<UUID> sessionIds) {
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) return out;
        for (GroupAttendance a : getEntityManager()
                .createQuery(
                        "from GroupAttendance a where a.sessionId in :ids order by a.sessionId, a.memberId",
                        GroupAttendance.class)
                .setParameter("ids", sessionIds)
                .getResultList()) {
            out.computeIfAbsent(a.sessionId, k -> new ArrayList<>()).add(a.memberId);
        }
        return out;
    }

    /** One session's attendance rows (R-SAFE-2: support is offered on them). */
    public List<GroupAttendance> attendanceOf(UUID sessionId) {
        return getEntityManager()
                .createQuery(
                        "from GroupAttendance a where a.sessionId = :id order by a.memberId", GroupAttendance.class)
                .setParameter("id", sessionId)
                .getResultList();
    }

    /** R-SAFE-2: the attendees offered support, per session, of these sessions. */
    public Map<UUID, List<UUID>> supportedOf(Collection<UUID> sessionIds) {
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) return out;
        for (GroupAttendance a : getEntityManager()
                .createQuery(
                        "from GroupAttendance a where a.sessionId in :ids"
                                + " and a.supportOfferedAt is not null order by a.sessionId, a.memberId",
                        GroupAttendance.class)
                .setParameter("ids", sessionIds)
                .getResultList()) {
            out.computeIfAbsent(a.sessionId, k -> new ArrayList<>()).add(a.memberId);
        }
        return out;
    }

    /** The dates of the sessions one membership attended, oldest first (the member's own file). */
    public List<LocalDate> attendedBy(UUID memberId) {
        return getEntityManager()
                .createQuery(
                        "select s.sessionDate from GroupSession s, GroupAttendance a"
                                + " where a.memberId = :member and s.id = a.sessionId order by s.sessionDate, s.createdAt",
                        LocalDate.class)
                .setParameter("member", memberId)
                .getResultList();
    }
}
