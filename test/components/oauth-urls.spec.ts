import { strict as assert } from "assert";
import { evaluate, stackConfig, withSettings } from "../support/program";

const clients = [
    { name: "web", oauth: { flows: ["code"], scopes: ["openid", "email"], callbackUrls: ["https://app.example.com/cb", "https://app.example.com/other"],
        defaultRedirectUrl: "https://app.example.com/other" } },
    { name: "spa", oauth: { flows: ["implicit"], callbackUrls: ["https://spa.example.com/cb"] } },
    { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } },
    { name: "native" },
];
const resourceServers = [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders" } }];

type ClientOutputs = Record<string, Record<string, string>>;

async function outputsOf(domain: Record<string, unknown>) {
    const config = withSettings(stackConfig("dev"), { domain, clients, resourceServers });
    const { outputs } = await evaluate(config);
    return { region: config.config["aws:region"], domain: outputs.domain as string, clients: outputs.clients as ClientOutputs };
}

describe("the domain's URLs in the stack's outputs (components/oauth-urls)", () => {
    it("gives the prefix domain's base URL, and each OAuth client's endpoints built from it", async () => {
        const { region, domain, clients: byName } = await outputsOf({ prefix: "example-auth" });
        assert.equal(domain, `https://example-auth.auth.${region}.amazoncognito.com`);
        const web = byName.web;
        assert.deepStrictEqual(Object.keys(web).sort(), ["authorizeUrl", "id", "logoutUrl", "signInUrl", "tokenUrl"]);
        assert.equal(web.authorizeUrl, `${domain}/oauth2/authorize`);
        assert.equal(web.tokenUrl, `${domain}/oauth2/token`);
        assert.equal(web.logoutUrl, `${domain}/logout`);
        const signIn = new URL(web.signInUrl);
        assert.equal(`${signIn.origin}${signIn.pathname}`, `${domain}/login`);
        assert.deepStrictEqual(Object.fromEntries(signIn.searchParams), {
            client_id: web.id, response_type: "code", scope: "openid email", redirect_uri: "https://app.example.com/other",
        });
    });

    it("asks an implicit client's sign-in for tokens with the default scopes and its first callback; a machine client has the token endpoint only", async () => {
        const { domain, clients: byName } = await outputsOf({ prefix: "example-auth" });
        assert.deepStrictEqual(Object.fromEntries(new URL(byName.spa.signInUrl).searchParams), {
            client_id: byName.spa.id, response_type: "token", scope: "openid email profile", redirect_uri: "https://spa.example.com/cb",
        });
        assert.deepStrictEqual(byName.jobs, { id: byName.jobs.id, secret: byName.jobs.secret, tokenUrl: `${domain}/oauth2/token` });
        assert.deepStrictEqual(Object.keys(byName.native), ["id"]);
    });

    it("uses the custom domain's name as the base URL", async () => {
        const { domain, clients: byName } = await outputsOf({ name: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d" });
        assert.equal(domain, "https://auth.example.com");
        assert.equal(byName.web.tokenUrl, "https://auth.example.com/oauth2/token");
    });

    it("exports no domain for a stack without one", async () => {
        const { outputs } = await evaluate(stackConfig("dev"));
        assert.equal(outputs.domain, undefined);
    });
});
