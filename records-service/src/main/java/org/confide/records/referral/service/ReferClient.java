package org.confide.records.referral.service;

import org.confide.records.client.Identity;
import org.confide.records.client.Programme;

/** A partner's referral of a client to a provider organisation (R-REF-1); where its written notices go by e-mail. */
public record ReferClient(
        String providerOrg, Identity identity, Programme programme, String reason, String referrerEmail) {}
