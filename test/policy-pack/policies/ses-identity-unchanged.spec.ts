import * as assert from "assert";
import { sesIdentityUnchanged } from "../../../policy-pack/src/policies";
import { IDENTITY_TYPE, UNKNOWN_STRING, identityUrn, resourceArgs, violations } from "../support/args";
import { withBaseline } from "../support/baseline";

describe("policy cognito-ses-identity-unchanged", () => {
    const identity = (emailIdentity: unknown, more: Record<string, unknown> = {}) =>
        violations(sesIdentityUnchanged, resourceArgs({ type: IDENTITY_TYPE, name: "auth-sender", props: { emailIdentity }, ...withBaseline(), ...more }));

    it("is advisory by default: a new sender is a legitimate change, if a deliberate one", () => {
        assert.strictEqual(sesIdentityUnchanged.enforcementLevel, "advisory");
    });

    it("passes the deployed identity, one unknown during preview, and a new identity resource", async () => {
        assert.deepStrictEqual(await identity("no-reply@example.com"), []);
        assert.deepStrictEqual(await identity(UNKNOWN_STRING), []);
        assert.deepStrictEqual(await identity("hello@example.com", { name: "second-sender" }), []);
    });

    it("warns that a new address or domain replaces the identity, which sends nothing until verified", async () => {
        const [message, ...rest] = await identity("example.com");
        assert.deepStrictEqual(rest, []);
        assert.match(message, /EmailIdentity "auth-sender"[\s\S]*deployed: "no-reply@example.com"[\s\S]*new: +"example.com"/);
        assert.match(message, /email_identity is ForceNew[\s\S]*sends nothing until SES has verified it/);
        assert.match(message, /create and verify the new identity first/);
        assert.match(message, /^ {2}input: `emailIdentity`$/m);
    });

    it("follows a renamed identity through its alias", async () => {
        const [message] = await identity("example.com", { name: "sender", opts: { aliases: [identityUrn()] } });
        assert.match(message, /EmailIdentity "sender"/);
    });
});
