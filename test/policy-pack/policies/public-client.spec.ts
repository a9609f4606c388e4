import * as assert from "assert";
import { publicClientNoSecret } from "../../../policy-pack/src/policies";
import { UNKNOWN_ARRAY, UNKNOWN_STRING, clientArgs, violations } from "../support/args";
import { clientProps } from "../support/fixtures";

describe("policy cognito-public-client-no-secret (advisory)", () => {
    const run = (props: Record<string, unknown>, publicClients?: string[]) =>
        violations(publicClientNoSecret, clientArgs(clientProps(props), { config: publicClients ? { publicClients } : {} }));

    it("passes a public client without secret or client_credentials, and a confidential client using client_credentials", async () => {
        assert.deepStrictEqual(await run({}), []);
        assert.deepStrictEqual(await run({ name: "server", generateSecret: true, allowedOauthFlows: ["client_credentials"] }), []);
    });

    it("fails client_credentials on a client without a secret", async () => {
        const [message] = await run({ allowedOauthFlows: ["code", "client_credentials"] });
        assert.match(message, /is a public client \(no client secret\) but allows the OAuth flow client_credentials/);
    });

    it("fails a secret on a client named in publicClients, and client_credentials on it", async () => {
        const messages = await run({ generateSecret: true, allowedOauthFlows: ["client_credentials"] }, ["web"]);
        assert.strictEqual(messages.length, 2);
        assert.match(messages[0], /listed in publicClients\) but has generateSecret true[\s\S]*amazon-cognito-identity-js cannot send one/);
        assert.match(messages[1], /listed in publicClients\) but allows the OAuth flow client_credentials/);
    });

    it("skips what is unknown during preview", async () => {
        assert.deepStrictEqual(await run({ name: UNKNOWN_STRING, allowedOauthFlows: UNKNOWN_ARRAY }, ["web"]), []);
    });
});
