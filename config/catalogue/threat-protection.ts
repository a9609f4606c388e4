import type * as cognito from "@pulumi/aws/cognito";
import type { RiskConfigurationType, UserPoolAddOnsType } from "@aws-sdk/client-cognito-identity-provider";
import { isIP } from "net";
import { z } from "zod";
import { problem, section, setting } from "./define";
import { inverseOf, ReadContext } from "./read-back";
import { uniqueList } from "./values";

/*
 * Threat protection (advanced security): the pool's userPoolAddOns and a pool-wide aws.cognito.RiskConfiguration.
 * - UserPoolAddOnsType (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolAddOnsType.html):
 *   AdvancedSecurityMode OFF | AUDIT | ENFORCED, "your user pool must be on the Plus tier"; AdvancedSecurityAdditionalFlows
 *   CustomAuthMode AUDIT | ENFORCED (@pulumi/aws 7.48.0 types/input.d.ts UserPoolUserPoolAddOns). terraform-provider-aws
 *   user_pool.go sends UserPoolAddOns with CreateUserPool/UpdateUserPool when the block is set (not ForceNew).
 * - terraform-provider-aws risk_configuration.go @ 0da2c69c: user_pool_id Required ForceNew, client_id Optional ForceNew;
 *   Create and Update both SetRiskConfiguration, Delete clears it; AtLeastOneOf account_takeover, compromised_credentials,
 *   risk_exception; each IP list a set of CIDRs, 1 to 200. A replacement (another pool) sets the whole configuration on the
 *   new pool from the stack's settings and clears the old one's: it holds nothing users made, so the pack's table has no
 *   row for it.
 */

export const RISK_CONFIGURATION_TYPE = "aws:cognito/riskConfiguration:RiskConfiguration";

const modes = { off: "OFF", audit: "AUDIT", enforced: "ENFORCED" } as const;
const modeOf = inverseOf(modes);
const customAuthModes = ["audit", "enforced"] as const;
/** CompromisedCredentialsEventActionType and EventFilterType (API reference, CompromisedCredentialsRiskConfigurationType). */
const credentialActions = ["block", "no_action"] as const;
const credentialEvents = ["sign_in", "sign_up", "password_change"] as const;
/** AccountTakeoverEventActionType (API reference, AccountTakeoverActionType). */
const takeoverActions = ["block", "mfa_if_configured", "mfa_required", "no_action"] as const;
const riskLevels = ["low", "medium", "high"] as const;
/** RiskExceptionConfigurationType: BlockedIPRangeList and SkippedIPRangeList, at most 200 CIDRs each. */
const maxIpRanges = 200;

/** An IPv4 or IPv6 network in CIDR notation, written as its network address (no host bits). */
const cidr = z.string().superRefine((text, ctx) => {
    const [address, prefix, ...rest] = text.split("/");
    const version = isIP(address ?? "");
    const bits = version === 4 ? 32 : 128;
    const length = Number(prefix);
    if (version === 0 || rest.length > 0 || !/^\d{1,3}$/.test(prefix ?? "") || length > bits) {
        ctx.addIssue({ code: "custom", input: text, message: "expected a network in CIDR notation, like 203.0.113.0/24 or 2001:db8::/32" });
    } else if (!isNetworkAddress(address, version === 4 ? 4 : 6, length)) {
        ctx.addIssue({ code: "custom", input: text, message: `expected the network address of the range (host bits set in ${text})` });
    }
});

function isNetworkAddress(address: string, version: 4 | 6, prefix: number): boolean {
    const bits = version === 4
        ? address.split(".").map((part) => Number(part).toString(2).padStart(8, "0")).join("")
        : expandIpv6(address).map((group) => parseInt(group, 16).toString(2).padStart(16, "0")).join("");
    return !bits.slice(prefix).includes("1");
}

function expandIpv6(address: string): string[] {
    const [head, tail] = address.split("::");
    const groups = (part: string | undefined) => part === undefined || part === "" ? [] : part.split(":");
    const missing = 8 - groups(head).length - groups(tail).length;
    return tail === undefined ? groups(head) : [...groups(head), ...Array(missing).fill("0"), ...groups(tail)];
}

const ipRanges = uniqueList(cidr).min(1, { error: "expected at least one range, or leave the key out" })
    .max(maxIpRanges, { error: `expected at most ${maxIpRanges} ranges` });

const takeoverAction = (level: string) => section({
    action: setting(z.enum(takeoverActions), {
        doc: `What Cognito does on a ${level}-risk sign-in: block it, ask for MFA when the user has it (mfa_if_configured), ` +
            "ask for MFA and block users without it (mfa_required), or let it through.",
        input: `accountTakeoverRiskConfiguration.actions.${level}Action.eventAction`,
        describe: `RiskConfiguration.AccountTakeoverRiskConfiguration.Actions.${level[0].toUpperCase()}${level.slice(1)}Action.EventAction`,
    }),
    notify: setting(z.boolean().default(false), {
        doc: "Email the user about it, through the stack's SES sender.",
        input: `accountTakeoverRiskConfiguration.actions.${level}Action.notify`,
        // Any notification makes the program send the notifyConfiguration (the stack's SES sender).
        decides: "accountTakeoverRiskConfiguration.notifyConfiguration",
        describe: `RiskConfiguration.AccountTakeoverRiskConfiguration.Actions.${level[0].toUpperCase()}${level.slice(1)}Action.Notify`,
    }),
}, { doc: `The response to ${level}-risk sign-ins. Default: none (Cognito takes no action).`, wrap: (object) => object.optional() });

export const threatProtection = section({
    mode: setting(z.enum(["off", "audit", "enforced"]).default("off"), {
        doc: "off; audit (log risks, act on none); enforced (act as compromisedCredentials and accountTakeover say). Needs tier plus.",
        input: "userPoolAddOns.advancedSecurityMode",
        describe: "UserPoolAddOns.AdvancedSecurityMode",
    }),
    customAuth: setting(z.enum(customAuthModes).optional(), {
        doc: "Threat protection for custom authentication flows too: audit or enforced.",
        defaultText: "off (Cognito's)",
        input: "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode",
        describe: "UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode",
    }),
    compromisedCredentials: section({
        action: setting(z.enum(credentialActions), {
            doc: "block: refuse a password found in a breach; no_action: only log it.",
            input: "compromisedCredentialsRiskConfiguration.actions.eventAction",
            describe: "RiskConfiguration.CompromisedCredentialsRiskConfiguration.Actions.EventAction",
        }),
        events: setting(uniqueList(z.enum(credentialEvents)).min(1, { error: "expected at least one of sign_in, sign_up, password_change" }).optional(), {
            doc: "When to check the password.",
            defaultText: "all of sign_in, sign_up, password_change",
            input: "compromisedCredentialsRiskConfiguration.eventFilters",
            describe: "RiskConfiguration.CompromisedCredentialsRiskConfiguration.EventFilter",
        }),
    }, { doc: "Compromised credentials: passwords known from breaches. Default: none.", wrap: (object) => object.optional(),
        resourceType: RISK_CONFIGURATION_TYPE }),
    accountTakeover: section(Object.fromEntries(riskLevels.map((level) => [level, takeoverAction(level)])) as
        Record<(typeof riskLevels)[number], ReturnType<typeof takeoverAction>>, {
        doc: "Account takeover: the response per risk level of a sign-in. Notifications go through the stack's SES sender (email.sender: ses). Default: none.",
        wrap: (object) => object.optional(),
        resourceType: RISK_CONFIGURATION_TYPE,
    }),
    ipRanges: section({
        alwaysAllow: setting(ipRanges.optional(), {
            doc: "Networks whose sign-ins are never judged for risk.",
            allowed: `1 to ${maxIpRanges} networks in CIDR notation`,
            input: "riskExceptionConfiguration.skippedIpRangeLists",
            describe: "RiskConfiguration.RiskExceptionConfiguration.SkippedIPRangeList",
        }),
        alwaysBlock: setting(ipRanges.optional(), {
            doc: "Networks whose sign-ins are always blocked.",
            allowed: `1 to ${maxIpRanges} networks in CIDR notation`,
            input: "riskExceptionConfiguration.blockedIpRangeLists",
            describe: "RiskConfiguration.RiskExceptionConfiguration.BlockedIPRangeList",
        }),
    }, { doc: "Risk exceptions by network: IPv4 or IPv6 ranges in CIDR notation (203.0.113.0/24, 2001:db8::/32). Default: none.",
        wrap: (object) => object.optional(), resourceType: RISK_CONFIGURATION_TYPE }),
}, {
    doc: "Threat protection (Plus tier): the pool's add-on mode and its risk configuration. Default: none (off). " +
        "See [Threat protection](threat-protection.md).",
    wrap: (object) => object.optional(),
});

/** The settings as the schema gives them. */
export interface ThreatProtectionSettings {
    readonly mode: keyof typeof modes;
    readonly customAuth?: (typeof customAuthModes)[number];
    readonly compromisedCredentials?: { readonly action: (typeof credentialActions)[number]; readonly events?: (typeof credentialEvents)[number][] };
    readonly accountTakeover?: Partial<Record<(typeof riskLevels)[number], { readonly action: (typeof takeoverActions)[number]; readonly notify: boolean }>>;
    readonly ipRanges?: { readonly alwaysAllow?: string[]; readonly alwaysBlock?: string[] };
}

/** What the rules between threat protection and the pool's other keys see. */
interface ThreatRuleInput {
    readonly tier: string;
    readonly threatProtection?: ThreatProtectionSettings;
    readonly email: { readonly sender: string };
}

/**
 * Rules with their sources:
 * - Tier: UserPoolAddOnsType, "your user pool must be on the Plus tier"; an ESSENTIALS pool is refused
 *   (FeatureUnavailableInTierException "The following features need to be disabled for the ESSENTIALS pricing tier
 *   configured: Threat Protection", terraform-provider-aws PR #40734). A LITE pool created before feature plans keeps
 *   it (aws-cdk #36023, fixed by PR #36027): the pack judges lite against the deployed baseline
 *   (cognito-threat-protection-tier), since only it knows whether the pool is such a pool.
 * - customAuth and the risk configuration act only while threat protection is on.
 * - Notifications: NotifyConfigurationType's SourceArn (required) is "the identity that is associated with the sending
 *   authorization policy", an SES identity (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html).
 * - A network both always allowed and always blocked is a contradiction.
 */
export function checkThreatProtection(settings: ThreatRuleInput, ctx: z.RefinementCtx): void {
    const threat = settings.threatProtection;
    if (threat === undefined) {
        return;
    }
    if (threat.mode !== "off" && settings.tier === "essentials") {
        ctx.addIssue({ code: "custom", path: ["threatProtection", "mode"], input: threat.mode,
            message: threatTierMessage(settings.tier, "tier", "mode: off"), params: { threatTier: settings.tier } });
    }
    const acting = ["customAuth", "compromisedCredentials", "accountTakeover", "ipRanges"] as const;
    if (threat.mode === "off") {
        for (const key of acting.filter((name) => threat[name] !== undefined)) {
            problem(ctx, ["threatProtection", key], threat[key], "acts only while threat protection is on: set threatProtection.mode to audit or enforced, or remove it");
        }
    }
    const notifying = riskLevels.filter((level) => threat.accountTakeover?.[level]?.notify);
    if (notifying.length > 0 && settings.email.sender !== "ses") {
        problem(ctx, ["threatProtection", "accountTakeover"], threat.accountTakeover,
            `notify (${notifying.join(", ")}) sends email through SES only (NotifyConfigurationType needs an SES identity): set email.sender: ses, or notify: false`);
    }
    const both = (threat.ipRanges?.alwaysAllow ?? []).filter((range) => (threat.ipRanges?.alwaysBlock ?? []).includes(range));
    if (both.length > 0) {
        problem(ctx, ["threatProtection", "ipRanges", "alwaysBlock"], both, "these networks are also in alwaysAllow: keep each in one list");
    }
}

/** The problem of threat protection on a pool below Plus, naming the tier's key and how to do without it (a successor's own keys). */
export function threatTierMessage(tier: string, tierKey: string, withoutIt: string): string {
    return `threat protection needs tier plus (${tierKey} is ${tier}, where Cognito refuses it): set ${tierKey}: plus, or ${withoutIt}`;
}

/** The pool inputs: userPoolAddOns, none without threat protection settings. */
export function userPoolAddOnsArgs(threat: ThreatProtectionSettings | undefined): Pick<cognito.UserPoolArgs, "userPoolAddOns"> {
    return threat === undefined ? {} : {
        userPoolAddOns: {
            advancedSecurityMode: modes[threat.mode],
            ...(threat.customAuth === undefined ? {} : { advancedSecurityAdditionalFlows: { customAuthMode: modes[threat.customAuth] } }),
        },
    };
}

/** How risk notifications are sent: the stack's SES identity and its addresses. */
export interface RiskNotifySender {
    readonly sourceArn: string;
    readonly from?: string;
    readonly replyTo?: string;
}

type RiskArgs = Omit<cognito.RiskConfigurationArgs, "userPoolId" | "clientId" | "region">;

/** The pool-wide risk configuration's inputs, undefined when threat protection sets none of its parts. */
export function riskConfigurationArgs(threat: ThreatProtectionSettings | undefined, sender: RiskNotifySender | undefined): RiskArgs | undefined {
    if (threat === undefined || (threat.compromisedCredentials === undefined && threat.accountTakeover === undefined && threat.ipRanges === undefined)) {
        return undefined;
    }
    const { compromisedCredentials: credentials, accountTakeover: takeover } = threat;
    const actionOf = (level: (typeof riskLevels)[number]) => {
        const chosen = takeover?.[level];
        return chosen === undefined ? {} : { [`${level}Action`]: { eventAction: chosen.action.toUpperCase(), notify: chosen.notify } };
    };
    const notifies = riskLevels.some((level) => takeover?.[level]?.notify);
    return {
        ...(credentials === undefined ? {} : { compromisedCredentialsRiskConfiguration: {
            actions: { eventAction: credentials.action.toUpperCase() },
            ...(credentials.events === undefined ? {} : { eventFilters: credentials.events.map((event) => event.toUpperCase()) }),
        } }),
        ...(takeover === undefined ? {} : { accountTakeoverRiskConfiguration: {
            actions: Object.assign({}, ...riskLevels.map(actionOf)),
            ...(notifies && sender !== undefined ? { notifyConfiguration: sender } : {}),
        } }),
        ...(threat.ipRanges === undefined ? {} : { riskExceptionConfiguration: {
            ...(threat.ipRanges.alwaysAllow === undefined ? {} : { skippedIpRangeLists: [...threat.ipRanges.alwaysAllow] }),
            ...(threat.ipRanges.alwaysBlock === undefined ? {} : { blockedIpRangeLists: [...threat.ipRanges.alwaysBlock] }),
        } }),
    };
}

const lower = <T extends string>(allowed: readonly T[], live: string | undefined): T | undefined =>
    allowed.find((value) => value.toUpperCase() === live);

/**
 * Threat protection read back: DescribeUserPool's UserPoolAddOns and DescribeRiskConfiguration's pool-wide
 * RiskConfiguration. None when the add-ons are off and no risk configuration is set.
 */
export function threatProtectionFromDescribed(addOns: UserPoolAddOnsType | undefined, risk: RiskConfigurationType | undefined,
    context: ReadContext): ThreatProtectionSettings | undefined {
    const mode = modeOf[addOns?.AdvancedSecurityMode ?? "OFF"] ?? "off";
    const customAuth = lower(customAuthModes, addOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode);
    const credentials = risk?.CompromisedCredentialsRiskConfiguration;
    const takeover = risk?.AccountTakeoverRiskConfiguration;
    const allowed = risk?.RiskExceptionConfiguration?.SkippedIPRangeList ?? [];
    const blocked = risk?.RiskExceptionConfiguration?.BlockedIPRangeList ?? [];
    const credentialAction = lower(credentialActions, credentials?.Actions?.EventAction);
    const levels = riskLevels.flatMap((level) => {
        const action = takeover?.Actions?.[`${level[0].toUpperCase()}${level.slice(1)}Action` as "LowAction"];
        const known = lower(takeoverActions, action?.EventAction);
        return known === undefined ? [] : [[level, { action: known, notify: action?.Notify ?? false }] as const];
    });
    const notify = takeover?.NotifyConfiguration;
    if (notify?.BlockEmail ?? notify?.MfaEmail ?? notify?.NoActionEmail) {
        context.gap("RiskConfiguration.AccountTakeoverRiskConfiguration.NotifyConfiguration", notify,
            "the config model sends Cognito's own notification emails (no templates of its own)");
    }
    const settings: ThreatProtectionSettings = {
        mode,
        ...(customAuth === undefined ? {} : { customAuth }),
        ...(credentialAction === undefined ? {} : { compromisedCredentials: {
            action: credentialAction,
            ...(credentials?.EventFilter === undefined || credentials.EventFilter.length === credentialEvents.length ? {}
                : { events: credentials.EventFilter.map((event) => lower(credentialEvents, event)).filter((event) => event !== undefined) }),
        } }),
        ...(levels.length === 0 ? {} : { accountTakeover: Object.fromEntries(levels) }),
        ...(allowed.length === 0 && blocked.length === 0 ? {} : { ipRanges: {
            ...(allowed.length === 0 ? {} : { alwaysAllow: allowed }),
            ...(blocked.length === 0 ? {} : { alwaysBlock: blocked }),
        } }),
    };
    return Object.keys(settings).length === 1 && mode === "off" ? undefined : settings;
}
