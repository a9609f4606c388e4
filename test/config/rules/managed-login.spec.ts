import { strict as assert } from "assert";
import { parseStackSettings } from "../../../config";
import { assertAccepted, assertProblems, context } from "../support/problems";

const web = { name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] } };
const managedLogin = { prefix: "example-auth", managedLoginVersion: 2 };
const tierText = "managed login needs tier essentials or plus (with lite, Cognito serves the classic hosted UI only)";

describe("managed login and branding styles (config/rules/managed-login)", () => {
    it("accepts a branded OAuth client with a managed login domain, in tier essentials or plus", () => {
        assertAccepted({ domain: managedLogin, clients: [{ ...web, branding: "cognito" }] });
        assertAccepted({ tier: "plus", domain: managedLogin, clients: [{ ...web, branding: { settings: {} } }, { name: "native" }] });
    });

    it("refuses a style for a client that does not sign in through the managed login pages, and one the domain does not serve, naming domain.managedLoginVersion", () => {
        assertProblems({ domain: { prefix: "example-auth" }, clients: [{ name: "native", branding: "cognito" }, { ...web, branding: "cognito" }] }, [
            `cognito-user-pool:clients[0].branding: got "cognito"; a branding style styles the managed login pages, which native does not sign in through: give it the code or implicit flow, or remove branding`,
            `cognito-user-pool:clients[0].branding: got "cognito"; the domain serves branded managed login pages only with domain.managedLoginVersion: 2 (it is 1, the classic hosted UI)`,
            `cognito-user-pool:clients[1].branding: got "cognito"; the domain serves branded managed login pages only with domain.managedLoginVersion: 2 (it is 1, the classic hosted UI)`,
        ]);
        assertProblems({ domain: managedLogin, resourceServers: [{ identifier: "api", name: "API", scopes: { read: "Read" } }],
            clients: [{ name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["api/read"] }, branding: "cognito" }] }, [
            `cognito-user-pool:clients[0].branding: got "cognito"; a branding style styles the managed login pages, which jobs does not sign in through: give it the code or implicit flow, or remove branding`,
        ]);
        assertProblems({ clients: [{ name: "native", branding: "cognito" }] }, [
            `cognito-user-pool:clients[0].branding: got "cognito"; a branding style styles the managed login pages, which native does not sign in through: give it the code or implicit flow, or remove branding`,
            `cognito-user-pool:clients[0].branding: got "cognito"; the domain serves branded managed login pages only with domain.managedLoginVersion: 2 (there is no domain)`,
        ]);
    });

    it("refuses managed login in tier lite: the domain's version 2 and every style", () => {
        assertProblems({ tier: "lite", domain: managedLogin, clients: [{ ...web, branding: "cognito" }] }, [
            `cognito-user-pool:domain.managedLoginVersion: got 2; ${tierText}: set tier, or managedLoginVersion 1`,
            `cognito-user-pool:clients[0].branding: got "cognito"; ${tierText}: set tier, or remove branding`,
        ]);
        assertAccepted({ tier: "lite", domain: { prefix: "example-auth" }, clients: [web] });
    });

    it("holds a successor's inherited styles to its own domain, naming successor.domain", () => {
        const stack = { domain: managedLogin, clients: [{ ...web, branding: "cognito" }] };
        assertProblems({ ...stack, successor: { name: "next", domain: { prefix: "example-next" } } }, [
            `cognito-user-pool:successor.clients[0].branding: got "cognito"; the domain serves branded managed login pages only with successor.domain.managedLoginVersion: 2 (it is 1, the classic hosted UI)`,
        ]);
        const settings = parseStackSettings({ ...stack, successor: { name: "next", domain: { prefix: "example-next", managedLoginVersion: 2 } } }, context);
        assert.equal(settings.successor?.clients[0].branding, "cognito");
    });

    it("adopts styles only of branded clients, by a style id, in an adopted pool", () => {
        assertProblems({ domain: managedLogin, clients: [{ ...web, branding: "cognito" }, { name: "native" }],
            import: { userPool: "us-east-1_Pool1", brandings: { web: "not-an-id" } } }, [
            `cognito-user-pool:import.brandings.web: got "not-an-id"; expected a branding style id, a UUID like 06c6ae7b-1e66-46d2-87a9-1203ea3307bd`,
        ]);
        assertProblems({ domain: managedLogin, clients: [{ ...web, branding: "cognito" }, { name: "native" }],
            import: { brandings: { native: "06c6ae7b-1e66-46d2-87a9-1203ea3307bd" } } }, [
            `cognito-user-pool:import.brandings.native: got "native"; expected the name of a client with branding (web)`,
            `cognito-user-pool:import.userPool: got nothing; adopting branding styles needs the id of the pool they belong to`,
        ]);
    });
});
