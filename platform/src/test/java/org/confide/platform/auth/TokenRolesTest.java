package org.confide.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/domain.md "Roles": the Confide roles a token holds, however its issuer sends them. */
class TokenRolesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "groups (./confide token, MicroProfile JWT)            | {\"groups\":[\"manager\"]}                                              | manager",
                "Keycloak realm roles, with its own defaults dropped    | {\"realm_access\":{\"roles\":[\"practitioner\",\"offline_access\",\"uma_authorization\",\"default-roles-confide\"]}} | practitioner",
                "Keycloak group full path of a top-level group          | {\"groups\":[\"/compliance\"]}                                          | compliance",
                "a nested Keycloak group is not a role                  | {\"groups\":[\"/demo-org/manager\"]}                                    | ''",
                "Entra ID app roles                                     | {\"roles\":[\"admin\"]}                                                 | admin",
                "all three together                                     | {\"groups\":[\"client\"],\"realm_access\":{\"roles\":[\"partner\"]},\"roles\":[\"supervisor\"]} | client partner supervisor",
                "names that are not Confide roles                       | {\"groups\":[\"Manager\",\"managers\",\"root\"],\"realm_access\":{\"roles\":[\"super-admin\"]}} | ''",
                "client roles (resource_access) are not realm roles     | {\"resource_access\":{\"confide\":{\"roles\":[\"manager\"]}}}           | ''",
                "no role claim at all                                   | {}                                                                     | ''",
                "realm_access without roles, roles of the wrong shape   | {\"realm_access\":{},\"roles\":\"manager\"}                             | ''",
                "service role                                           | {\"groups\":[\"service\"]}                                              | service"
            })
    @DisplayName("groups, realm_access.roles and roles are read; only Confide's role names count")
    void roles(String what, String claimsJson, String expected) throws Exception {
        JwtClaims claims = JwtClaims.parse(claimsJson);
        claims.setSubject("u1");
        Set<String> want = expected.isBlank()
                ? Set.of()
                : new TreeSet<>(Arrays.asList(expected.trim().split(" ")));
        assertEquals(want, TokenRoles.of(new DefaultJWTCallerPrincipal("raw", "JWT", claims)), what);
    }
}
