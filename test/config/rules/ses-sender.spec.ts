import { strict as assert } from "assert";
import { identityCovers, parseStackSettings, StackConfigError, StackContext } from "../../../config";
import { problemsOf as settingsProblemsOf } from "../support/problems";

const context: StackContext = { project: "cognito-user-pool", stack: "dev", region: "eu-west-1" };
const arn = "arn:aws:ses:eu-west-1:123456789012:identity/example.com";

function problemsOf(email: Record<string, unknown>, extra: Record<string, unknown> = {}): readonly string[] {
    return settingsProblemsOf({ email: { sender: "ses", from: "no-reply@example.com", ...email }, ...extra }, context);
}

describe("the SES sender's settings (config/ses-sender)", () => {
    it("accepts an identity by ARN, and a domain identity with a hosted zone and a MAIL FROM subdomain", () => {
        const byArn = parseStackSettings({ email: { sender: "ses", from: "no-reply@mail.example.com", identityArn: arn } }, context);
        assert.equal(byArn.email.identityArn, arn);
        const domain = parseStackSettings({ email: { sender: "ses", from: "no-reply@example.com", identity: "domain",
            hostedZoneId: "Z1D633PJN98FT9", mailFromDomain: "bounce.example.com" } }, context);
        assert.equal(domain.email.hostedZoneId, "Z1D633PJN98FT9");
        assert.equal(domain.email.mailFromDomain, "bounce.example.com");
    });

    const badSettings: { what: string; email: Record<string, unknown>; extra?: Record<string, unknown>; problem: string }[] = [
        { what: "an ARN that is not an SES identity's", email: { identityArn: "arn:aws:iam::123456789012:role/x" },
            problem: `cognito-user-pool:email.identityArn: got "arn:aws:iam::123456789012:role/x"; expected an SES identity ARN like arn:aws:ses:eu-west-1:123456789012:identity/example.com` },
        { what: "an identity that does not cover the FROM address", email: { identityArn: "arn:aws:ses:eu-west-1:123456789012:identity/other.com" },
            problem: `cognito-user-pool:email.identityArn: got "arn:aws:ses:eu-west-1:123456789012:identity/other.com"; the identity other.com does not cover the FROM address no-reply@example.com` },
        { what: "an identity by ARN with a hosted zone", email: { identityArn: arn, hostedZoneId: "Z1D633PJN98FT9" },
            problem: `cognito-user-pool:email.hostedZoneId: got "Z1D633PJN98FT9"; applies to the identity this stack creates, not to one given by identityArn` },
        { what: "an identity by ARN and one to adopt", email: { identityArn: arn }, extra: { import: { senderIdentity: "example.com" } },
            problem: `cognito-user-pool:import.senderIdentity: got "example.com"; the stack creates no SES identity when email.identityArn names one` },
        { what: "a zone name instead of its id", email: { identity: "domain", hostedZoneId: "example.com" },
            problem: `cognito-user-pool:email.hostedZoneId: got "example.com"; expected a Route 53 hosted zone id like Z1D633PJN98FT9` },
        { what: "a hosted zone for an address identity", email: { hostedZoneId: "Z1D633PJN98FT9" },
            problem: `cognito-user-pool:email.hostedZoneId: got "Z1D633PJN98FT9"; DNS records are for a domain identity: set identity: domain` },
        { what: "a MAIL FROM domain outside the identity's domain", email: { identity: "domain", mailFromDomain: "bounce.other.com" },
            problem: `cognito-user-pool:email.mailFromDomain: got "bounce.other.com"; expected a subdomain of example.com` },
        { what: "the identity's domain itself as MAIL FROM domain", email: { identity: "domain", mailFromDomain: "example.com" },
            problem: `cognito-user-pool:email.mailFromDomain: got "example.com"; expected a subdomain of example.com` },
        { what: "a malformed MAIL FROM domain", email: { identity: "domain", mailFromDomain: "-bad..example.com" },
            problem: `cognito-user-pool:email.mailFromDomain: got "-bad..example.com"; expected a domain name like mail.example.com` },
    ];

    for (const { what, email, extra, problem } of badSettings) {
        it(`refuses ${what}`, () => {
            const problems = problemsOf(email, extra);
            assert.ok(problems.some((line) => line.startsWith(problem)), `expected a line starting with\n  ${problem}\ngot\n  ${problems.join("\n  ")}`);
        });
    }

    it("refuses email as the only MFA factor with an identity the stack creates (unverified at first)", () => {
        assert.throws(() => parseStackSettings({ mfa: { mode: "optional", factors: ["email"] },
            email: { sender: "ses", from: "no-reply@example.com" } }, context), (error: StackConfigError) => {
            assert.ok(error.problems[0].startsWith("cognito-user-pool:mfa.factors: got [\"email\"]; email as the only MFA factor cannot work on a new stack"));
            return true;
        });
        parseStackSettings({ mfa: { mode: "optional", factors: ["email"] },
            email: { sender: "ses", from: "no-reply@example.com", identityArn: arn } }, context);
    });

    it("refuses SES keys with Cognito's sender, all at once", () => {
        let problems: readonly string[] = [];
        try {
            parseStackSettings({ email: { sender: "cognito", identityArn: arn, hostedZoneId: "Z1", mailFromDomain: "b.example.com" } }, context);
        } catch (error) {
            problems = (error as StackConfigError).problems;
        }
        assert.deepEqual(problems.map((line) => line.split(":")[1]), ["email.identityArn", "email.hostedZoneId", "email.mailFromDomain"]);
    });

    it("refuses an identity in another region than the stack's", () => {
        assert.throws(() => parseStackSettings({ email: { sender: "ses", from: "no-reply@example.com",
            identityArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com" } }, context), (error: StackConfigError) => {
            assert.deepEqual(error.problems, ["cognito-user-pool:email.identityArn: got \"arn:aws:ses:us-east-1:123456789012:identity/example.com\"; " +
                "the identity is in us-east-1 and the stack's pool in eu-west-1 (aws:region): use an identity verified in eu-west-1"]);
            return true;
        });
    });

    it("knows which identities cover an address: itself, or its domain and the domain's parents", () => {
        assert.ok(identityCovers("no-reply@example.com", "No-Reply@Example.com"));
        assert.ok(identityCovers("example.com", "a@mail.example.com"));
        assert.ok(!identityCovers("mail.example.com", "a@example.com"));
        assert.ok(!identityCovers("b@example.com", "a@example.com"));
        assert.ok(!identityCovers("ample.com", "a@example.com"));
    });
});
