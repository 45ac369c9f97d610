package org.confide.platform.auth;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The Confide roles a verified token holds (docs/domain.md "Roles"), read the one way for {@code @RolesAllowed}
 * ({@link TokenAugmentor}) and for {@link Caller}. An OIDC issuer may send them as {@code groups} (MicroProfile JWT,
 * `./confide token`; a Keycloak group's full path {@code /manager} counts too), as Keycloak's realm roles
 * ({@code realm_access.roles}), or as {@code roles} (Entra ID's app roles). Names that are not Confide roles
 * ({@code offline_access}, {@code default-roles-…}) are dropped.
 */
public final class TokenRoles {

    private TokenRoles() {}

    public static Set<String> of(JsonWebToken jwt) {
        Set<String> roles = new TreeSet<>();
        if (jwt.getGroups() != null) {
            for (String g : jwt.getGroups()) add(roles, g);
        }
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof JsonObject o) {
            addAll(roles, o.get("roles"));
        } else if (realmAccess instanceof Map<?, ?> m) {
            addAll(roles, m.get("roles"));
        }
        addAll(roles, jwt.getClaim("roles"));
        return roles;
    }

    private static void addAll(Set<String> roles, Object claim) {
        if (claim instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s) add(roles, s.getString());
            }
        } else if (claim instanceof Collection<?> c) {
            for (Object v : c) {
                if (v instanceof String s) add(roles, s);
                else if (v instanceof JsonString s) add(roles, s.getString());
            }
        }
    }

    private static void add(Set<String> roles, String name) {
        if (name == null) return;
        // A Keycloak group membership mapper sends full paths: a top-level group named after the role.
        String role = name.startsWith("/") && name.indexOf('/', 1) < 0 ? name.substring(1) : name;
        if (Roles.PRECEDENCE.contains(role)) roles.add(role);
    }
}
