import * as assert from "assert";
import { domainKept, domainUnchanged } from "../../../policy-pack/src/policies";
import { Baseline } from "../../../policy-pack/src/fixed-settings";
import { CLIENT_TYPE, POOL_TYPE, poolUrn, resourceArgs, stackArgs, stackViolations, urnOf, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { POOL_ID, REGION, clientProps, poolProps } from "../support/fixtures";

const DOMAIN_TYPE = "aws:cognito/userPoolDomain:UserPoolDomain";
const domainUrn = (stack = "dev") => urnOf(stack, DOMAIN_TYPE, "auth-domain");
const certificate = (id = "0a1b2c3d") => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`;

/** The seed's deployed stack with a custom domain `auth.example.com` (or the prefix `example-auth`) on its pool. */
function deployed(stack = "dev", custom = true): Baseline {
    const domain = custom ? "auth.example.com" : "example-auth";
    return {
        ...seedBaseline(stack),
        domains: { [domainUrn(stack)]: { id: domain, region: REGION, domain, userPool: poolUrn(stack), ...(custom ? { certificateArn: certificate() } : {}) } },
    };
}

const customProps = (over: Record<string, unknown> = {}) => ({ domain: "auth.example.com", certificateArn: certificate(), managedLoginVersion: 1, userPoolId: POOL_ID, ...over });

describe("policy cognito-domain-unchanged (rows of the table: user_pool_domain.go)", () => {
    const judge = (props: Record<string, unknown>, custom = true) =>
        violations(domainUnchanged, resourceArgs({ type: DOMAIN_TYPE, name: "auth-domain", props, config: { baseline: deployed("dev", custom) } }));

    it("passes what the provider updates in place: the managed login version, and one certificate ARN for another (ForceNewIfChange: old and new both set)", async () => {
        assert.deepStrictEqual(await judge(customProps({ managedLoginVersion: 2, certificateArn: certificate("9f8e7d6c") })), []);
        assert.deepStrictEqual(await judge({ domain: "example-auth", managedLoginVersion: 2, userPoolId: POOL_ID }, false), []);
    });

    it("fails a new domain name under the deployed URN, naming the input, why and the safe way", async () => {
        const [message, ...rest] = await judge(customProps({ domain: "login.example.com" }));
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^UserPoolDomain "auth-domain" \(.*\): domain is fixed at creation and differs from what is deployed\./);
        assert.match(message, /deployed: "auth.example.com"\n {2}new: {6}"login.example.com"/);
        assert.match(message, /every sign-in, token and logout URL that apps and identity providers use under it stops answering/);
        assert.match(message, /give the new one to a successor pool \(cognito-user-pool:successor\.domain\)/);
        assert.match(message, /input: `domain`$/);
    });

    it("fails a certificate removed or added (a custom domain turned prefix, or back), and another pool", async () => {
        const removed = await judge(customProps({ certificateArn: undefined }));
        assert.ok(removed.some((message) => /certificateArn is fixed at creation[\s\S]*removing a certificate turns a custom domain into a prefix one/.test(message)), removed.join("\n"));
        const added = await judge({ domain: "example-auth", certificateArn: certificate(), userPoolId: POOL_ID }, false);
        assert.ok(added.some((message) => /adding a certificate turns a prefix domain into a custom one/.test(message)), added.join("\n"));
        const [pool] = await judge(customProps({ userPoolId: "eu-west-1_Other" }));
        assert.match(pool, /userPoolId is fixed at creation/);
    });
});

describe("policy cognito-domain-kept (stack, protected stacks)", () => {
    const pool = { type: POOL_TYPE, name: "auth-pool", props: poolProps("prod") };
    const client = { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() };
    const run = (stack: string, resources: Parameters<typeof stackArgs>[1]) =>
        stackViolations(domainKept, stackArgs(stack, resources, { baseline: deployed(stack) }));

    it("passes while the deployed domain is declared", async () => {
        assert.deepStrictEqual(await run("prod", [pool, client, { type: DOMAIN_TYPE, name: "auth-domain", props: customProps({ managedLoginVersion: 2 }) }]), []);
    });

    it("fails a deployed domain leaving a protected stack, naming cognito-user-pool:domain and the safe way", async () => {
        const [removed, ...rest] = await run("prod", [pool, client]);
        assert.deepStrictEqual(rest, []);
        assert.ok(removed.message.startsWith(`UserPoolDomain "auth-domain" (${domainUrn("prod")}), domain "auth.example.com", is deployed in this protected stack`), removed.message);
        assert.match(removed.message, /its sign-in pages and its \/oauth2\/authorize, \/oauth2\/token and \/logout endpoints stop answering/);
        assert.match(removed.message, /instead: keep cognito-user-pool:domain as deployed \("auth.example.com"/);
        assert.match(removed.message, /successor pool \(successor\.domain\)/);
    });

    it("leaves a stack outside protectedStacks (dev) to the engine verdict of npm run up", async () => {
        assert.deepStrictEqual(await run("dev", [{ ...pool, props: poolProps() }, client]), []);
    });
});
