package org.confide.records.notice.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.confide.records.notice.PartnerWebhook;

@ApplicationScoped
public class PartnerWebhookRepository implements PanacheRepositoryBase<PartnerWebhook, String> {}
