package org.confide.records.retention.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confide.records.config.RecordsConfig;
import org.confide.records.retention.RetentionSetting;

@ApplicationScoped
public class RetentionSettingRepository implements PanacheRepositoryBase<RetentionSetting, String> {

    @Inject
    RecordsConfig config;

    /** The org's period, or the configured default (1095 days) when its admin set none. */
    public int daysOf(String org) {
        RetentionSetting s = findById(org);
        return s == null ? config.retention().defaultDays() : s.retentionDays;
    }
}
