package org.confide.platform.auth;

/** Who did something, as recorded in events and the audit log. */
public record Actor(String id, String role, String org) {

    /** A service acting on its own (a sweep, a scheduled run), not on behalf of a person. */
    public static Actor system(String serviceName, String org) {
        return new Actor(serviceName, Roles.SERVICE, org);
    }
}
