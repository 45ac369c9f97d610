package org.confide.records.partner.rest;

import java.util.List;

public final class PartnerDtos {

    private PartnerDtos() {}

    /** Checked by PartnerRule (R-REF-1), so each refusal names the rule and the entry. */
    public record PartnerList(List<String> partnerOrgs) {}

    public record PartnerSettingView(String org, List<String> partnerOrgs) {}
}
