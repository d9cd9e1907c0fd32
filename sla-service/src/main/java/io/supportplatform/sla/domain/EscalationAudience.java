package io.supportplatform.sla.domain;

/** Who an escalation alerts (P13). */
public enum EscalationAudience {
    TEAM_LEAD,
    SUPPORT_MANAGEMENT,
    TIER2_ON_CALL
}
