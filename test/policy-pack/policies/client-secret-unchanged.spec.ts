import * as assert from "assert";
import { clientSecretUnchanged } from "../../../policy-pack/src/policies";
import { UNKNOWN_BOOLEAN, UNKNOWN_STRING, clientArgs, clientUrn, violations } from "../support/args";
import { withBaseline } from "../support/baseline";
import { clientProps } from "../support/fixtures";

describe("policy cognito-client-secret-unchanged", () => {
    const run = (props: Record<string, unknown>) => violations(clientSecretUnchanged, clientArgs(props, withBaseline()));

    it("passes the deployed client, and changes Cognito can apply (token lifetimes, flows, name)", async () => {
        assert.deepStrictEqual(await run(clientProps()), []);
        assert.deepStrictEqual(
            await violations(
                clientSecretUnchanged,
                clientArgs(clientProps({ accessTokenValidity: 5, refreshTokenValidity: 90, explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], name: "webapp" }), {
                    ...withBaseline(),
                    name: "auth-client-web",
                }),
            ),
            [],
        );
    });

    it("passes adding a client, even one with a secret", async () => {
        assert.deepStrictEqual(await run(clientProps({ name: "server", generateSecret: true })), []);
    });

    it("fails giving a deployed public client a secret", async () => {
        const [message] = await run(clientProps({ generateSecret: true }));
        assert.ok(message.includes(`UserPoolClient "auth-client-web" (${clientUrn()})`), message);
        assert.match(message, /generateSecret is fixed at creation[\s\S]*deployed: false[\s\S]*new: +true/);
        assert.match(message, /replace the client, so its client id changes/);
    });

    it("fails moving a client to another pool", async () => {
        const [message] = await run(clientProps({ userPoolId: "eu-west-1_Other" }));
        assert.match(message, /userPoolId[\s\S]*deployed: "eu-west-1_AbCdEf123"[\s\S]*new: +"eu-west-1_Other"/);
    });

    it("skips values unknown during preview", async () => {
        assert.deepStrictEqual(await run(clientProps({ generateSecret: UNKNOWN_BOOLEAN, userPoolId: UNKNOWN_STRING })), []);
    });
});
