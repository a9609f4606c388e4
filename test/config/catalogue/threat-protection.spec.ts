import { strict as assert } from "assert";
import { entriesOf, parseStackSettings, pool, RISK_CONFIGURATION_TYPE, riskConfigurationArgs, StackContext, threatProtectionFromDescribed, UserPoolInput,
    userPoolArgs } from "../../../config";
import { describedRiskConfiguration, plain } from "../../aws/support/described-from-inputs";
import { settingsOf } from "../../aws/support/sample-stacks";
import { context, problemsOf } from "../support/problems";
import { along, describeRoundTrip } from "../support/round-trip";

const inRegion: StackContext = { ...context, region: "eu-west-1" };
const ses = { sender: "ses", from: "no-reply@example.com", replyTo: "support@example.com" };
const enforced = { mode: "enforced" };

describe("threat protection (config/catalogue/threat-protection)", () => {
    it("maps mode and customAuth to userPoolAddOns, and sends none without the key", () => {
        assert.deepStrictEqual(userPoolArgs(parseStackSettings({ tier: "plus", threatProtection: { mode: "audit", customAuth: "enforced" } }, inRegion)).userPoolAddOns,
            { advancedSecurityMode: "AUDIT", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } });
        assert.equal(userPoolArgs(parseStackSettings({}, inRegion)).userPoolAddOns, undefined);
    });

    it("maps the risk configuration, notifications through the stack's SES sender, none without its parts", () => {
        const settings = parseStackSettings({ tier: "plus", email: ses, threatProtection: { ...enforced,
            compromisedCredentials: { action: "block", events: ["sign_in"] },
            accountTakeover: { low: { action: "no_action" }, high: { action: "mfa_required", notify: true } },
            ipRanges: { alwaysAllow: ["203.0.113.0/24"], alwaysBlock: ["2001:db8::/32"] } } }, inRegion);
        const sender = { sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/example.com", from: "no-reply@example.com" };
        assert.deepStrictEqual(riskConfigurationArgs(settings.threatProtection, sender), {
            compromisedCredentialsRiskConfiguration: { actions: { eventAction: "BLOCK" }, eventFilters: ["SIGN_IN"] },
            accountTakeoverRiskConfiguration: {
                actions: { lowAction: { eventAction: "NO_ACTION", notify: false }, highAction: { eventAction: "MFA_REQUIRED", notify: true } },
                notifyConfiguration: sender,
            },
            riskExceptionConfiguration: { skippedIpRangeLists: ["203.0.113.0/24"], blockedIpRangeLists: ["2001:db8::/32"] },
        });
        assert.equal(riskConfigurationArgs(parseStackSettings({ tier: "plus", threatProtection: enforced }, inRegion).threatProtection, undefined), undefined);
    });

    describe("the tier matrix (UserPoolAddOnsType: the Plus tier)", () => {
        it("lite: accepted here, judged by the pack against what is deployed (a Lite pool that already ran it keeps it)", () => {
            assert.equal(parseStackSettings({ tier: "lite", threatProtection: enforced }, inRegion).threatProtection?.mode, "enforced");
        });
        it("essentials: refused, naming tier and threatProtection.mode", () => {
            assert.deepStrictEqual(problemsOf({ tier: "essentials", threatProtection: enforced }, inRegion), [
                `cognito-user-pool:threatProtection.mode: got "enforced"; threat protection needs tier plus (tier is essentials, where Cognito refuses it): ` +
                    "set tier: plus, or mode: off"]);
        });
        it("plus: accepted", () => {
            assert.equal(parseStackSettings({ tier: "plus", threatProtection: enforced }, inRegion).threatProtection?.mode, "enforced");
        });
    });

    it("refuses notifications without SES (NotifyConfigurationType needs an SES identity) and risk settings while off, every problem at once", () => {
        assert.deepStrictEqual(problemsOf({ tier: "plus", threatProtection: { mode: "off", customAuth: "audit", accountTakeover: { high: { action: "block", notify: true } } } }, inRegion), [
            `cognito-user-pool:threatProtection.customAuth: got "audit"; acts only while threat protection is on: set threatProtection.mode to audit or enforced, or remove it`,
            `cognito-user-pool:threatProtection.accountTakeover: got {"high":{"action":"block","notify":true}}; acts only while threat protection is on: ` +
                "set threatProtection.mode to audit or enforced, or remove it",
            `cognito-user-pool:threatProtection.accountTakeover: got {"high":{"action":"block","notify":true}}; notify (high) sends email through SES only ` +
                "(NotifyConfigurationType needs an SES identity): set email.sender: ses, or notify: false",
        ]);
    });

    it("validates the IP lists: CIDR networks, no host bits, at most 200, none in both lists", () => {
        const problems = (lists: Record<string, unknown>) => problemsOf({ tier: "plus", threatProtection: { ...enforced, ...lists } }, inRegion);
        assert.deepStrictEqual(problems({ ipRanges: { alwaysBlock: ["203.0.113.7", "203.0.113.0/33", "2001:db8::/129"] } }), [0, 1, 2].map((index) =>
            `cognito-user-pool:threatProtection.ipRanges.alwaysBlock[${index}]: got ${JSON.stringify(["203.0.113.7", "203.0.113.0/33", "2001:db8::/129"][index])}; ` +
                "expected a network in CIDR notation, like 203.0.113.0/24 or 2001:db8::/32"));
        assert.deepStrictEqual(problems({ ipRanges: { alwaysAllow: ["203.0.113.7/24", "2001:db8::1/32"] } }), [
            `cognito-user-pool:threatProtection.ipRanges.alwaysAllow[0]: got "203.0.113.7/24"; expected the network address of the range (host bits set in 203.0.113.7/24)`,
            `cognito-user-pool:threatProtection.ipRanges.alwaysAllow[1]: got "2001:db8::1/32"; expected the network address of the range (host bits set in 2001:db8::1/32)`,
        ]);
        const many = Array.from({ length: 201 }, (_, index) => `10.${Math.floor(index / 256)}.${index % 256}.0/24`);
        assert.deepStrictEqual(problems({ ipRanges: { alwaysAllow: many } }).map((line) => line.replace(/got .*; /, "")), ["cognito-user-pool:threatProtection.ipRanges.alwaysAllow: expected at most 200 ranges"]);
        assert.deepStrictEqual(problems({ ipRanges: { alwaysAllow: ["198.51.100.0/24"], alwaysBlock: ["198.51.100.0/24"] } }), [
            `cognito-user-pool:threatProtection.ipRanges.alwaysBlock: got ["198.51.100.0/24"]; these networks are also in alwaysAllow: keep each in one list`]);
        assert.deepStrictEqual(parseStackSettings({ tier: "plus", threatProtection: { ...enforced, ipRanges: { alwaysAllow: ["0.0.0.0/0", "10.0.0.0/8", "2001:db8::/32"] } } }, inRegion)
            .threatProtection?.ipRanges?.alwaysAllow, ["0.0.0.0/0", "10.0.0.0/8", "2001:db8::/32"]);
    });
});

/** The rest of the stack, as every base of the round trip has it: threat protection needs Plus, notifications SES. */
const rest = { tier: "plus", email: { sender: "ses", from: "no-reply@example.com" } } as const;
const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/example.com";

describeRoundTrip("the risk configuration: settings → aws.cognito.RiskConfiguration inputs → DescribeRiskConfiguration → settings", {
    entries: entriesOf(pool).filter(({ resourceType }) => resourceType === RISK_CONFIGURATION_TYPE),
    parse: (raw: UserPoolInput) => settingsOf(raw),
    args: (settings) => plain(riskConfigurationArgs(settings.threatProtection, { sourceArn, from: settings.email.from }) ?? {}),
    // Under the pool's description, where the catalogue's Describe paths name it (read-pool.ts poolDescription).
    describe: (inputs) => ({ RiskConfiguration: describedRiskConfiguration("us-east-1_RoundTrip1", inputs as Record<string, unknown>) }),
    // Threat protection is on in every base: DescribeUserPool's UserPoolAddOns says so, and DescribeRiskConfiguration answers.
    read: (described, context) => ({ ...rest,
        threatProtection: threatProtectionFromDescribed({ AdvancedSecurityMode: "ENFORCED" }, described.RiskConfiguration, context) }),
    bases: [
        { ...rest, threatProtection: { mode: "enforced", compromisedCredentials: { action: "no_action" } } },
        { ...rest, threatProtection: { mode: "enforced", accountTakeover: { low: { action: "no_action" }, medium: { action: "no_action" }, high: { action: "no_action" } } } },
        { ...rest, threatProtection: { mode: "enforced", ipRanges: { alwaysAllow: ["192.0.2.0/24"] } } },
    ],
    variations: {
        "threatProtection.compromisedCredentials.action": ["block"],
        "threatProtection.compromisedCredentials.events": [["sign_in"], ["sign_up", "password_change"]],
        "threatProtection.accountTakeover.low.action": ["block", "mfa_if_configured"],
        "threatProtection.accountTakeover.low.notify": [true],
        "threatProtection.accountTakeover.medium.action": ["mfa_required"],
        "threatProtection.accountTakeover.medium.notify": [true],
        "threatProtection.accountTakeover.high.action": ["block"],
        "threatProtection.accountTakeover.high.notify": [true],
        "threatProtection.ipRanges.alwaysAllow": [["203.0.113.0/24"], ["2001:db8::/32", "198.51.100.0/24"]],
        "threatProtection.ipRanges.alwaysBlock": [along(["198.51.100.0/24"], {})],
    },
});
