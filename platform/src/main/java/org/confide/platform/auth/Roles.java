package org.confide.platform.auth;

import java.util.List;

/** The roles of docs/domain.md, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String PRACTITIONER = "practitioner";
    public static final String MANAGER = "manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String CLIENT = "client";
    public static final String PARTNER = "partner";
    public static final String COMPLIANCE = "compliance";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /** Most to least privileged: a token with several roles acts, and is recorded, as the first it holds. */
    public static final List<String> PRECEDENCE =
            List.of(SERVICE, ADMIN, MANAGER, PRACTITIONER, SUPERVISOR, COMPLIANCE, PARTNER, CLIENT);

    private Roles() {}
}
