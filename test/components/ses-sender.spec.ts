import { strict as assert } from "assert";
import { evaluateStack, StackEvaluation } from "../../offline/evaluate";
import type { StackConfig } from "../../stack-files/reader";
import { ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const route53Record = "aws:route53/record:Record";
const mailFromAttributes = "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes";
const identityUrn = (stack: string) =>
    `urn:pulumi:${stack}::cognito-user-pool::cognito-user-pool:index:SignInBackend$${resourceTypes.senderIdentity}::auth-sender`;

/** The stack evaluated as deployed, its SES identity recorded in the state with the given address and status. */
function withDeployedIdentity(stack: StackConfig, emailIdentity: string, verified: boolean): Promise<StackEvaluation> {
    return evaluateStack(stack, { deployedOutputs: {
        [identityUrn(stack.stack)]: { emailIdentity, verifiedForSendingStatus: verified, verificationStatus: verified ? "SUCCESS" : "PENDING" },
    } });
}

const domainSender = (email: Record<string, unknown>) => withSettings(stackConfig("dev"), {
    email: { sender: "ses", from: "no-reply@example.com", identity: "domain", ...email },
});

describe("the pool's SES sender (components/ses-sender)", () => {
    describe("a new stack deploys in one `pulumi up`", () => {
        it("creates the identity and sends with Cognito's sender until SES has verified it, saying how to verify", async () => {
            const { resources, warnings } = await evaluateStack(stackConfig("prod"));
            assert.equal(only(resources, resourceTypes.senderIdentity).inputs.emailIdentity, "no-reply@example.com");
            assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
            assert.equal(warnings.length, 1);
            assert.match(warnings[0], /SES has not verified no-reply@example\.com for sending yet/);
            assert.match(warnings[0], /Cognito's default sender \(COGNITO_DEFAULT, 50 emails a day\)/);
            assert.match(warnings[0], /click the link SES has emailed to no-reply@example\.com/);
            assert.match(warnings[0], /`pulumi up --refresh`.*the pool switches to SES, sending as MyApp <no-reply@example\.com>/s);
        });

        it("switches to SES once the state shows the identity verified (after `pulumi up --refresh`), with no config change", async () => {
            const { resources, warnings } = await withDeployedIdentity(stackConfig("prod"), "no-reply@example.com", true);
            assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, {
                emailSendingAccount: "DEVELOPER",
                sourceArn: "arn:aws:ses:ap-northeast-2:123456789012:identity/no-reply@example.com",
                fromEmailAddress: "MyApp <no-reply@example.com>",
                replyToEmailAddress: "support@example.com",
            });
            assert.deepEqual(warnings, []);
        });

        it("keeps Cognito's sender while the deployed identity is still unverified", async () => {
            const { resources, warnings } = await withDeployedIdentity(stackConfig("prod"), "no-reply@example.com", false);
            assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
            assert.equal(warnings.length, 1);
        });

        it("falls back to Cognito's sender when a new FROM address replaces a verified identity", async () => {
            const moved = withSettings(stackConfig("prod"), { email: { sender: "ses", from: "hello@example.com", fromName: "MyApp" } });
            const { resources, warnings } = await withDeployedIdentity(moved, "no-reply@example.com", true);
            assert.equal(only(resources, resourceTypes.senderIdentity).inputs.emailIdentity, "hello@example.com");
            assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
            assert.match(warnings[0], /SES has not verified hello@example\.com/);
        });

        it("leaves the email MFA factor out until SES can send, then adds it", async () => {
            const stack = withSettings(stackConfig("prod"), { mfa: { mode: "optional", factors: ["totp", "email"] } });
            const fresh = only((await evaluateStack(stack)).resources, resourceTypes.userPool).inputs;
            assert.equal(fresh.emailMfaConfiguration, undefined);
            assert.deepEqual(fresh.softwareTokenMfaConfiguration, { enabled: true });
            const verified = only((await withDeployedIdentity(stack, "no-reply@example.com", true)).resources, resourceTypes.userPool).inputs;
            assert.deepEqual(verified.emailMfaConfiguration, {});
        });
    });

    describe("a domain identity", () => {
        it("with a Route 53 hosted zone: registers the three DKIM CNAME records there", async () => {
            const { resources, warnings, outputs } = await evaluateStack(domainSender({ hostedZoneId: "Z1D633PJN98FT9" }));
            const tokens = (outputs.senderIdentity as { dkimTokens: string[] }).dkimTokens;
            assert.equal(tokens.length, 3);
            const records = ofType(resources, route53Record);
            assert.deepEqual(records.map((record) => [record.name, record.inputs]), tokens.map((token, index) => [`auth-dkim-${index + 1}`, {
                zoneId: "Z1D633PJN98FT9", name: `${token}._domainkey.example.com`, type: "CNAME", ttl: 1800,
                records: [`${token}.dkim.amazonses.com`],
            }]));
            for (const record of records) {
                assert.equal(record.parent, only(resources, resourceTypes.backend).urn);
            }
            assert.match(warnings[0], /the stack has created its DNS records in Route 53 hosted zone Z1D633PJN98FT9/);
        });

        it("with a custom MAIL FROM domain: sets it on the identity, with its MX and SPF records", async () => {
            const { resources, outputs } = await evaluateStack(domainSender({ hostedZoneId: "Z1D633PJN98FT9", mailFromDomain: "bounce.example.com" }));
            assert.deepEqual(only(resources, mailFromAttributes).inputs, { emailIdentity: "example.com", mailFromDomain: "bounce.example.com" });
            const records = Object.fromEntries(ofType(resources, route53Record).map((record) => [record.name, record.inputs]));
            assert.deepEqual(records["auth-mail-from-mx"], { zoneId: "Z1D633PJN98FT9", name: "bounce.example.com", type: "MX", ttl: 1800,
                records: ["10 feedback-smtp.ap-northeast-2.amazonses.com"] });
            assert.deepEqual(records["auth-mail-from-spf"], { zoneId: "Z1D633PJN98FT9", name: "bounce.example.com", type: "TXT", ttl: 1800,
                records: ["v=spf1 include:amazonses.com ~all"] });
            assert.equal((outputs.senderIdentity as { dnsRecords: unknown[] }).dnsRecords.length, 5);
        });

        it("without a zone: registers no record, and the records to publish are an output and in the warning", async () => {
            const { resources, warnings, outputs } = await evaluateStack(domainSender({ mailFromDomain: "bounce.example.com" }));
            assert.deepEqual(ofType(resources, route53Record), []);
            const dnsRecords = (outputs.senderIdentity as { dnsRecords: { name: string; type: string; value: string }[] }).dnsRecords;
            assert.deepEqual(dnsRecords.map((record) => record.type), ["CNAME", "CNAME", "CNAME", "MX", "TXT"]);
            for (const record of dnsRecords) {
                assert.ok(warnings[0].includes(`${record.name}  ${record.type}  ${record.value}`), `the warning lists ${record.name} ${record.type}`);
            }
        });
    });

    describe("an identity verified outside the stack (identityArn)", () => {
        const arn = "arn:aws:ses:ap-northeast-2:123456789012:identity/example.com";

        it("registers no identity and sends through it from the start", async () => {
            const { resources, warnings, outputs } = await evaluateStack(withSettings(stackConfig("dev"), {
                email: { sender: "ses", from: "no-reply@example.com", fromName: "Example", identityArn: arn },
            }));
            assert.deepEqual(ofType(resources, resourceTypes.senderIdentity), []);
            assert.deepEqual(only(resources, resourceTypes.userPool).inputs.emailConfiguration, {
                emailSendingAccount: "DEVELOPER", sourceArn: arn, fromEmailAddress: "Example <no-reply@example.com>",
            });
            assert.deepEqual(warnings, []);
            assert.deepEqual(outputs.senderIdentity, { arn, identity: "example.com" });
        });
    });
});
