import * as assert from "assert";
import { clientNotRemoved } from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, POOL_TYPE, clientUrn, stackArgs, stackViolations } from "../support/args";
import { seedBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

describe("policy cognito-client-not-removed (stack)", () => {
    const pool = { type: POOL_TYPE, name: "auth-pool", props: poolProps() };
    const run = (resources: Parameters<typeof stackArgs>[1], more: Record<string, unknown> = {}) =>
        stackViolations(clientNotRemoved, stackArgs("dev", resources, { baseline: seedBaseline(), ...more }));

    it("passes while the deployed client is declared, also with a new name input", async () => {
        assert.deepStrictEqual(await run([pool, { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() }]), []);
        assert.deepStrictEqual(await run([pool, { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps({ name: "web-app" }) }]), []);
    });

    it("passes a client under a new logical name that aliases the deployed URN", async () => {
        const renamed = { type: CLIENT_TYPE, name: "auth-client-browser", props: clientProps(), opts: { aliases: [clientUrn()] } };
        assert.deepStrictEqual(await run([pool, renamed]), []);
    });

    it("fails a client removed from the program, or renamed without an alias", async () => {
        for (const resources of [[pool], [pool, { type: CLIENT_TYPE, name: "auth-client-browser", props: clientProps() }]]) {
            const [v, ...rest] = await run(resources);
            assert.deepStrictEqual(rest, []);
            assert.ok(v.message.includes(`UserPoolClient "auth-client-web" (${clientUrn()}) is deployed (client id 1example23456789abcdefghij`), v.message);
            assert.match(v.message, /every app configured with client id 1example23456789abcdefghij stops signing in/);
            assert.ok(v.message.includes(`aliases: ["${clientUrn()}"]`));
            assert.match(v.message, /add its URN to retiredClients/);
        }
    });

    it("lets a client listed in retiredClients go", async () => {
        assert.deepStrictEqual(await run([pool], { retiredClients: [clientUrn()] }), []);
    });

    it("names a retiredClients entry that is not a URN", async () => {
        await assert.rejects(run([pool], { retiredClients: [clientUrn(), "web"] }), {
            message: 'policy config "cognito-client-not-removed".retiredClients[1]: expected a client URN (urn:pulumi:<stack>::<project>::<type>::<name>), got "web"',
        });
    });

    it("compares nothing without a baseline, or with another stack's", async () => {
        assert.deepStrictEqual(await stackViolations(clientNotRemoved, stackArgs("dev", [pool])), []);
        assert.deepStrictEqual(await stackViolations(clientNotRemoved, stackArgs("prod", [pool], { baseline: seedBaseline("dev") })), []);
    });
});
