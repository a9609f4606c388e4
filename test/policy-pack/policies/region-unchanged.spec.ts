import * as assert from "assert";
import { regionUnchanged } from "../../../policy-pack/src/policies";
import { IDENTITY_TYPE, UNKNOWN_STRING, clientArgs, poolArgs, providerResource, resourceArgs, violations } from "../support/args";
import { withBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

describe("policy cognito-region-unchanged", () => {
    const pool = (more: { props?: Record<string, unknown>; region?: unknown } = {}) =>
        violations(regionUnchanged, poolArgs(more.props ?? poolProps(), {
            ...withBaseline(),
            provider: providerResource("dev", more.region === undefined ? {} : { region: more.region }),
        }));

    it("passes the deployed region, from the default provider or the pool's own region input", async () => {
        assert.deepStrictEqual(await pool({ region: "eu-west-1" }), []);
        assert.deepStrictEqual(await pool({ props: poolProps("dev", { region: "eu-west-1" }), region: "us-east-1" }), []);
    });

    it("fails a pool moved by the stack's aws:region (the default provider's region input)", async () => {
        const [message, ...rest] = await pool({ region: "us-east-1" });
        assert.deepStrictEqual(rest, []);
        assert.match(message, /region is fixed at creation[\s\S]*deployed: "eu-west-1"[\s\S]*new: +"us-east-1"[\s\S]*create a new one in us-east-1/);
        assert.match(message, /^ {2}input: `region`$/m);
    });

    it("fails a pool moved by its own region input, which wins over the provider's", async () => {
        const [message] = await pool({ props: poolProps("dev", { region: "ap-northeast-2" }), region: "eu-west-1" });
        assert.match(message, /new: +"ap-northeast-2"/);
    });

    it("fails a client and an SES identity moved with an explicit provider", async () => {
        const explicit = providerResource("dev", { region: "us-west-2" }, "seoul");
        const [client] = await violations(regionUnchanged, clientArgs(clientProps(), { ...withBaseline(), provider: explicit }));
        assert.match(client, /UserPoolClient "auth-client-web"[\s\S]*app client lives in one region/);
        const [identity] = await violations(regionUnchanged, resourceArgs({
            type: IDENTITY_TYPE, name: "auth-sender", props: { emailIdentity: "no-reply@example.com" }, ...withBaseline(), provider: explicit,
        }));
        assert.match(identity, /EmailIdentity "auth-sender"[\s\S]*SES identity lives in one region/);
    });

    it("follows aliases, and passes what is new, unknown during preview, or without a provider", async () => {
        const renamed = poolArgs(poolProps(), {
            ...withBaseline(), name: "users", opts: { aliases: [poolArgs({}).urn] }, provider: providerResource("dev", { region: "us-east-1" }),
        });
        assert.strictEqual((await violations(regionUnchanged, renamed)).length, 1);
        const fresh = poolArgs(poolProps(), { ...withBaseline(), name: "users", provider: providerResource("dev", { region: "us-east-1" }) });
        assert.deepStrictEqual(await violations(regionUnchanged, fresh), []);
        assert.deepStrictEqual(await pool({ region: UNKNOWN_STRING }), []);
        assert.deepStrictEqual(await pool({ props: poolProps("dev", { region: UNKNOWN_STRING }) }), []);
        assert.deepStrictEqual(await violations(regionUnchanged, poolArgs(poolProps(), withBaseline())), []);
    });

    it("reads the provider's environment (AWS_REGION) when its inputs name no region", async () => {
        const saved = process.env.AWS_REGION;
        process.env.AWS_REGION = "sa-east-1";
        try {
            const [message] = await pool({});
            assert.match(message, /new: +"sa-east-1"/);
        } finally {
            if (saved === undefined) delete process.env.AWS_REGION;
            else process.env.AWS_REGION = saved;
        }
    });
});
