package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.records.group.GroupDeparture;

@ApplicationScoped
public class GroupDepartureRepository implements PanacheRepositoryBase<GroupDeparture, UUID> {

    public boolean recorded(UUID sessionId, UUID memberId) {
        return count("sessionId = ?1 and memberId = ?2", sessionId, memberId) > 0;
    }

    /** R-SAFE-1: how many sessions of this group the client was asked to leave (index group_departure_client). */
    public long timesOf(UUID groupId, UUID clientId) {
        return count("groupId = ?1 and clientId = ?2", groupId, clientId);
    }

    /** The departures of each of these sessions, in recording order. */
    public Map<UUID, List<GroupDeparture>> ofSessions(Collection<UUID> sessionIds) {
        Map<UUID, List<GroupDeparture>> out = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) return out;
        for (GroupDeparture d : list("sessionId in ?1 order by recordedAt, id", sessionIds)) {
            out.computeIfAbsent(d.sessionId, k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /** One membership's departures, oldest first (the member's own file, R-REC-2). */
    public List<GroupDeparture> ofMember(UUID memberId) {
        return list("memberId = ?1 order by recordedAt, id", memberId);
    }
}
