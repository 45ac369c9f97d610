package org.confide.records.client.rest;

import static org.confide.platform.problem.Params.enumOf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confide.records.client.PurposeOfUse;
import org.confide.records.config.RecordsConfig;

/** Parses {@code X-Purpose-Of-Use} (docs/api.md: optional, default CARE; an unknown value is 400 listing the allowed). */
@ApplicationScoped
public class Purposes {

    public static final String HEADER = "X-Purpose-Of-Use";

    @Inject
    RecordsConfig config;

    public PurposeOfUse of(String header) {
        return enumOf(PurposeOfUse.class, HEADER, header == null ? config.defaultPurposeOfUse() : header);
    }
}
