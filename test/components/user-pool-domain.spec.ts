import { strict as assert } from "assert";
import { evaluate, ofType, only, resourceTypes, stackConfig, withSettings } from "../support/program";

const domainType = "aws:cognito/userPoolDomain:UserPoolDomain";
const recordType = "aws:route53/record:Record";
const custom = { name: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d", route53ZoneId: "Z1D633PJN98FT9", managedLoginVersion: 2 };

describe("the pool's domain (components/user-pool-domain)", () => {
    it("registers the domain in the pool, parented to the SignInBackend, and no DNS record for a prefix", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), { domain: { prefix: "example-auth" } }));
        const domain = only(resources, domainType);
        assert.equal(domain.parent, only(resources, resourceTypes.backend).urn);
        assert.ok(domain.dependencies?.includes(only(resources, resourceTypes.userPool).urn));
        assert.deepStrictEqual(ofType(resources, recordType), []);
    });

    it("with a Route 53 zone, adds the alias A record of the custom domain to the CloudFront distribution Cognito returns", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), { domain: custom }));
        const domain = only(resources, domainType);
        const record = only(resources, recordType);
        assert.equal(record.parent, only(resources, resourceTypes.backend).urn);
        assert.ok(record.dependencies?.includes(domain.urn), "the record takes the distribution from the domain");
        assert.deepStrictEqual(record.inputs, {
            zoneId: "Z1D633PJN98FT9", name: "auth.example.com", type: "A",
            aliases: [{ name: domain.outputs?.cloudfrontDistribution, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }],
        });
        assert.match(String(domain.outputs?.cloudfrontDistribution), /\.cloudfront\.net$/);
    });

    it("registers none in a stack without one", async () => {
        const { resources } = await evaluate(stackConfig("dev"));
        assert.deepStrictEqual([...ofType(resources, domainType), ...ofType(resources, recordType)], []);
    });
});
