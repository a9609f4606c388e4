import { strict as assert } from "assert";
import { parseStackSettings } from "../../../config";
import { assertAccepted, assertProblems, context } from "../support/problems";

const web = { name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] } };
const ordersApi = { identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders" } };
const jobs = { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } };
const addDomain = (key: string) => `add ${key} with a Cognito prefix (${key}: {prefix: <name>}) or a custom name and its certificate`;

describe("a client with OAuth flows needs the pool's domain (config/rules/oauth-domain)", () => {
    it("refuses a client for people and a machine client in a stack without a domain, naming the key to add", () => {
        assertProblems({ resourceServers: [ordersApi], clients: [{ name: "native" }, web, jobs] }, [
            `cognito-user-pool:clients[1].oauth.flows: got ["code"]; no domain serves the OAuth endpoints of web (/oauth2/authorize, /oauth2/token): ${addDomain("domain")}`,
            `cognito-user-pool:clients[2].oauth.flows: got ["client_credentials"]; no domain serves the OAuth endpoints of jobs (/oauth2/authorize, /oauth2/token): ${addDomain("domain")}`,
        ]);
    });

    it("accepts them with a domain, and a stack whose clients use no OAuth flow without one", () => {
        assertAccepted({ domain: { prefix: "example-auth" }, resourceServers: [ordersApi], clients: [web, jobs] });
        assertAccepted({ clients: [{ name: "native" }] });
    });

    it("gives a successor no domain of the current pool's: one for its OAuth clients is successor.domain", () => {
        const stack = { domain: { prefix: "example-auth" }, clients: [web] };
        assertProblems({ ...stack, successor: { name: "next" } }, [
            `cognito-user-pool:successor.clients[0].oauth.flows: got ["code"]; no domain serves the OAuth endpoints of web (/oauth2/authorize, /oauth2/token): ${addDomain("successor.domain")}`,
        ]);
        const settings = parseStackSettings({ ...stack, successor: { name: "next", domain: { prefix: "example-auth-next" } } }, context);
        assert.deepStrictEqual(settings.successor?.domain, { prefix: "example-auth-next", managedLoginVersion: 1 });
        assert.deepStrictEqual(parseStackSettings({ ...stack, clients: [{ name: "native" }], successor: { name: "next" } }, context).successor?.domain, undefined);
    });

    it("reports both pools' missing domains at once", () => {
        assertProblems({ clients: [web], successor: { name: "next" } }, [
            `cognito-user-pool:clients[0].oauth.flows: got ["code"]; no domain serves the OAuth endpoints of web (/oauth2/authorize, /oauth2/token): ${addDomain("domain")}`,
            `cognito-user-pool:successor.clients[0].oauth.flows: got ["code"]; no domain serves the OAuth endpoints of web (/oauth2/authorize, /oauth2/token): ${addDomain("successor.domain")}`,
        ]);
    });
});
