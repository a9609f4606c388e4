import { strict as assert } from "assert";
import { domain, domainFromDescribed, DomainInput, entriesOf, parseStackSettings, userPoolDomainArgs } from "../../../config";
import { describedDomain, plain } from "../../aws/support/described-from-inputs";
import { assertProblems, context } from "../support/problems";
import { describeRoundTrip, recordingContext } from "../support/round-trip";

const certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";

describe("domain (config/catalogue/domain)", () => {
    it("takes a Cognito prefix, or a custom name with its certificate and zone; the classic hosted UI by default", () => {
        assert.deepStrictEqual(parseStackSettings({ domain: { prefix: "example-auth" } }, context).domain,
            { prefix: "example-auth", managedLoginVersion: 1 });
        assert.deepStrictEqual(parseStackSettings({ domain: {
            name: "auth.example.com", certificateArn: certificate, route53ZoneId: "Z1D633PJN98FT9", managedLoginVersion: 2,
        } }, context).domain, { name: "auth.example.com", certificateArn: certificate, route53ZoneId: "Z1D633PJN98FT9", managedLoginVersion: 2 });
        assert.equal(parseStackSettings({}, context).domain, undefined);
    });

    it("maps a prefix to the provider's domain, and a custom name to the domain with its certificate", () => {
        const prefixed = parseStackSettings({ domain: { prefix: "example-auth" } }, context).domain!;
        assert.deepStrictEqual(userPoolDomainArgs(prefixed, "pool"), { domain: "example-auth", managedLoginVersion: 1, userPoolId: "pool" });
        const named = parseStackSettings({ domain: { name: "auth.example.com", certificateArn: certificate, managedLoginVersion: 2 } }, context).domain!;
        assert.deepStrictEqual(userPoolDomainArgs(named, "pool"),
            { domain: "auth.example.com", certificateArn: certificate, managedLoginVersion: 2, userPoolId: "pool" });
    });

    it("reads back no domain from an empty DomainDescription (DescribeUserPoolDomain of an unknown domain), and names a managed login version it does not know", () => {
        assert.equal(domainFromDescribed({}, recordingContext()), undefined);
        const context = recordingContext();
        assert.deepStrictEqual(domainFromDescribed({ Domain: "example-auth", ManagedLoginVersion: 3 }, context), { prefix: "example-auth", managedLoginVersion: 1 });
        assert.deepStrictEqual(context.gaps, [{ setting: "ManagedLoginVersion", live: 3, why: "the config model knows managed login versions 1 and 2" }]);
    });

    it("refuses a prefix CreateUserPoolDomain refuses: its pattern, and the words aws, amazon and cognito", () => {
        assertProblems({ domain: { prefix: "-auth" } }, [
            `cognito-user-pool:domain.prefix: got "-auth"; expected 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit`,
        ]);
        assertProblems({ domain: { prefix: "Auth" } }, [
            `cognito-user-pool:domain.prefix: got "Auth"; expected 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit`,
        ]);
        assertProblems({ domain: { prefix: "a".repeat(64) } }, [
            `cognito-user-pool:domain.prefix: got "${"a".repeat(64)}"; expected 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit`,
        ]);
        for (const prefix of ["my-cognito-login", "awsome", "amazon-shop"]) {
            assertProblems({ domain: { prefix } }, [
                `cognito-user-pool:domain.prefix: got "${prefix}"; expected a prefix without aws, amazon, cognito (reserved by Cognito)`,
            ]);
        }
    });

    it("refuses a certificate outside us-east-1, naming the key and the region, and one that is no ACM certificate", () => {
        assertProblems({ domain: { name: "auth.example.com", certificateArn: certificate.replace("us-east-1", "eu-west-1") } }, [
            `cognito-user-pool:domain.certificateArn: got "${certificate.replace("us-east-1", "eu-west-1")}"; expected a certificate in us-east-1, not eu-west-1: ` +
                "Cognito serves a custom domain through CloudFront, which takes certificates from US East (N. Virginia) only",
        ]);
        assertProblems({ domain: { name: "auth.example.com", certificateArn: "arn:aws:iam::123456789012:server-certificate/x" } }, [
            `cognito-user-pool:domain.certificateArn: got "arn:aws:iam::123456789012:server-certificate/x"; expected an ACM certificate ARN like arn:aws:acm:us-east-1:123456789012:certificate/<id>`,
        ]);
    });

    it("refuses a domain that is both or neither, a custom name without a certificate, and a certificate or zone without a name, every problem at once", () => {
        assertProblems({ domain: { prefix: "example-auth", name: "auth.example.com", certificateArn: certificate } }, [
            `cognito-user-pool:domain.prefix: got "example-auth"; expected either prefix (a Cognito domain) or name (a custom domain), not both and not neither`,
        ]);
        assertProblems({ domain: { managedLoginVersion: 3 } }, [
            "cognito-user-pool:domain.managedLoginVersion: got 3; expected 1 (hosted UI, classic) or 2 (managed login)",
        ]);
        assertProblems({ domain: { name: "auth.example.com" } }, [
            "cognito-user-pool:domain.certificateArn: got nothing; the custom domain auth.example.com needs an ACM certificate in us-east-1",
        ]);
        assertProblems({ domain: { prefix: "example-auth", certificateArn: certificate, route53ZoneId: "Z1D633PJN98FT9" } }, [
            `cognito-user-pool:domain.certificateArn: got "${certificate}"; a certificate is for a custom domain: give name, or remove certificateArn`,
            `cognito-user-pool:domain.route53ZoneId: got "Z1D633PJN98FT9"; an alias record is for a custom domain: give name, or remove route53ZoneId`,
        ]);
    });

    it("adopts a domain only when the stack declares one, with the pool's id", () => {
        assertProblems({ import: { domain: true } }, [
            "cognito-user-pool:import.userPool: got nothing; adopting a domain needs the id of the pool they belong to",
            "cognito-user-pool:import.domain: got true; there is no domain to adopt: add domain (its prefix or name)",
        ]);
    });
});

describeRoundTrip("the domain: settings → aws.cognito.UserPoolDomain inputs → DescribeUserPoolDomain → settings", {
    entries: entriesOf(domain),
    parse: (raw: DomainInput) => parseStackSettings({ domain: raw }, context).domain!,
    args: (settings) => plain(userPoolDomainArgs(settings, "us-east-1_Pool1")),
    describe: describedDomain,
    read: domainFromDescribed,
    bases: [{ prefix: "example-auth" }, { name: "auth.example.com", certificateArn: certificate }],
    variations: {
        prefix: ["login-example", "a"],
        name: ["login.example.org", "sign-in.example.co.uk"],
        certificateArn: [certificate.replace("0a1b2c3d", "9f8e7d6c"), "arn:aws:acm:us-east-1:210987654321:certificate/abc-123"],
        route53ZoneId: ["Z1D633PJN98FT9", "Z2FDTNDATAQYW2"],
        managedLoginVersion: [2],
    },
});
