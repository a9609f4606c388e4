import * as assert from "assert";
import { brandingUnchanged } from "../../../policy-pack/src/policies";
import { catalogueEntry, POLICY_NAMES } from "../../../policy-pack/src/catalogue";
import { Baseline, MANAGED_LOGIN_BRANDING_TYPE, fixedInputsOf } from "../../../policy-pack/src/fixed-settings";
import { GUARDED_RESOURCE_TYPES } from "../../../policy-pack/src/guarded-resources";
import { clientUrn, poolUrn, resourceArgs, urnOf, violations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { CLIENT_ID, POOL_ID, REGION } from "../support/fixtures";

const brandingUrn = (stack = "dev") => urnOf(stack, MANAGED_LOGIN_BRANDING_TYPE, "auth-branding-web");
const logo = (byte: number) => ({ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, byte]).toString("base64") });

/** The seed's deployed stack with a style on its client `web`, with one logo. */
function deployed(stack = "dev"): Baseline {
    const assets = fixedInputsOf(MANAGED_LOGIN_BRANDING_TYPE).find((row) => row.input === "assets")!.fromInputs({ assets: [logo(1)] }, "assets");
    return {
        ...seedBaseline(stack),
        brandings: { [brandingUrn(stack)]: {
            id: `${POOL_ID},06c6ae7b-1e66-46d2-87a9-1203ea3307bd`, region: REGION, client: clientUrn(stack), userPool: poolUrn(stack), assets,
        } },
    };
}

const styleProps = (over: Record<string, unknown> = {}) => ({ clientId: CLIENT_ID, userPoolId: POOL_ID, settings: "{}", assets: [logo(1)], ...over });

describe("policy cognito-branding-unchanged (rows of the table: managed_login_branding.go)", () => {
    const judge = (props: Record<string, unknown>) =>
        violations(brandingUnchanged, resourceArgs({ type: MANAGED_LOGIN_BRANDING_TYPE, name: "auth-branding-web", props, config: { baseline: deployed() } }));

    it("is advisory, and the engine verdict does not refuse a style's replacement: it loses nothing a user holds", () => {
        assert.equal(catalogueEntry(POLICY_NAMES.brandingUnchanged).defaultLevel, "advisory");
        assert.equal(brandingUnchanged.enforcementLevel, "advisory");
        assert.ok(!GUARDED_RESOURCE_TYPES.includes(MANAGED_LOGIN_BRANDING_TYPE));
    });

    it("passes new settings, which the provider updates in place (UpdateManagedLoginBranding)", async () => {
        assert.deepStrictEqual(await judge(styleProps({ settings: '{"categories":{"global":{"colorSchemeMode":"DARK"}}}' })), []);
    });

    it("reports a changed image, naming the input, why, and that nothing is lost", async () => {
        const [message, ...rest] = await judge(styleProps({ assets: [logo(2)] }));
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^ManagedLoginBranding "auth-branding-web" \(.*\): assets is fixed at creation and differs from what is deployed\./);
        assert.match(message, /an asset added, removed or changed replaces the style: the provider would delete the branding style and create it again/);
        assert.match(message, /no user, session or setting of the client is lost/);
        assert.match(message, /input: `assets`$/);
    });

    it("reports a style moved to another client or pool", async () => {
        const [client] = await judge(styleProps({ clientId: "2otherclient" }));
        assert.match(client, /clientId is fixed at creation[\s\S]*a style cannot move to another client/);
        const [pool] = await judge(styleProps({ userPoolId: "eu-west-1_Other" }));
        assert.match(pool, /userPoolId is fixed at creation[\s\S]*a style cannot move to another pool/);
    });
});
