import * as assert from "assert";
import { sesSender } from "../../../policy-pack/src/policies";
import { emailAddressOf, identityCovers, sesIdentityOf } from "../../../policy-pack/src/policies/ses-sender";
import { UNKNOWN_OBJECT, UNKNOWN_STRING, poolArgs, violations } from "../support/args";
import { SES_ARN, poolProps } from "../support/fixtures";

const DOMAIN_ARN = "arn:aws:ses:eu-west-1:123456789012:identity/example.com";

describe("policy cognito-ses-sender (advisory)", () => {
    const run = (emailConfiguration: unknown) => violations(sesSender, poolArgs(poolProps("dev", { emailConfiguration })));

    it("passes an address identity covering the FROM address (with or without display name)", async () => {
        assert.deepStrictEqual(await run({ emailSendingAccount: "DEVELOPER", sourceArn: SES_ARN, fromEmailAddress: "Example <no-reply@example.com>" }), []);
        assert.deepStrictEqual(await run({ emailSendingAccount: "DEVELOPER", sourceArn: SES_ARN, fromEmailAddress: "No-Reply@Example.com" }), []);
    });

    it("passes a domain identity covering the address, also from a subdomain", async () => {
        assert.deepStrictEqual(await run({ emailSendingAccount: "DEVELOPER", sourceArn: DOMAIN_ARN, fromEmailAddress: "hello@example.com" }), []);
        assert.deepStrictEqual(await run({ emailSendingAccount: "DEVELOPER", sourceArn: DOMAIN_ARN, fromEmailAddress: "Mail <a@mail.example.com>" }), []);
    });

    it("leaves Cognito's default sender alone", async () => {
        assert.deepStrictEqual(await run({ emailSendingAccount: "COGNITO_DEFAULT" }), []);
        assert.deepStrictEqual(await run(undefined), []);
    });

    it("fails an address the identity does not cover", async () => {
        const [message] = await run({ emailSendingAccount: "DEVELOPER", sourceArn: SES_ARN, fromEmailAddress: "Example <support@example.com>" });
        assert.match(message, /fromEmailAddress "support@example.com" is not covered by the SES identity "no-reply@example.com" of sourceArn/);
        const [other] = await run({ emailSendingAccount: "DEVELOPER", sourceArn: DOMAIN_ARN, fromEmailAddress: "a@example.org" });
        assert.match(other, /not covered by the SES identity "example.com"/);
        const [lookalike] = await run({ emailSendingAccount: "DEVELOPER", sourceArn: DOMAIN_ARN, fromEmailAddress: "a@notexample.com" });
        assert.match(lookalike, /not covered/);
    });

    it("fails a missing sourceArn, a missing FROM address, and an ARN that is not an SES identity, all in one message", async () => {
        const [missing, ...rest] = await run({ emailSendingAccount: "DEVELOPER" });
        assert.deepStrictEqual(rest, []);
        assert.match(missing, /sourceArn is absent[\s\S]*fromEmailAddress is absent/);
        const [bad] = await run({ emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:iam::123456789012:role/x", fromEmailAddress: "a@example.com" });
        assert.match(bad, /is not an SES identity ARN/);
    });

    it("checks the FROM address when sourceArn is unknown during preview (the identity is created in the same update)", async () => {
        assert.deepStrictEqual(await run({ emailSendingAccount: "DEVELOPER", sourceArn: UNKNOWN_STRING, fromEmailAddress: "Example <no-reply@example.com>" }), []);
        const [message] = await run({ emailSendingAccount: "DEVELOPER", sourceArn: UNKNOWN_STRING, fromEmailAddress: "Example <not an address>" });
        assert.match(message, /fromEmailAddress "Example <not an address>" holds no e-mail address/);
        assert.doesNotMatch(message, /sourceArn/);
    });

    it("skips cleanly when the whole email configuration is unknown", async () => {
        assert.deepStrictEqual(await run(UNKNOWN_OBJECT), []);
    });

    it("parses addresses and identity ARNs", () => {
        assert.strictEqual(emailAddressOf("Example <no-reply@example.com>"), "no-reply@example.com");
        assert.strictEqual(emailAddressOf(" a@b.c "), "a@b.c");
        assert.strictEqual(emailAddressOf("nobody"), undefined);
        assert.deepStrictEqual(sesIdentityOf(SES_ARN), { region: "eu-west-1", account: "123456789012", identity: "no-reply@example.com" });
        assert.strictEqual(sesIdentityOf("arn:aws:ses:eu-west-1:123456789012:configuration-set/x"), undefined);
        assert.ok(identityCovers("Example.com", "a@b.EXAMPLE.com"));
        assert.ok(!identityCovers("a@example.com", "b@example.com"));
    });
});
