import { assertAccepted, assertProblems } from "../support/problems";

/** The domain that serves the clients' OAuth endpoints. */
const domain = { prefix: "example-auth" };

/** The resource servers whose scopes these clients request (config/rules/declared-scopes). */
const resourceServers = [
    { identifier: "orders-api", name: "Orders", scopes: { read: "Read orders" } },
    { identifier: "https://api.example.com", name: "Example API", scopes: { "orders.write": "Change orders" } },
];
const confidential = (oauth: Record<string, unknown>) => ({ domain, resourceServers, clients: [{ name: "server", type: "confidential", oauth }] });
const key = "cognito-user-pool:clients[0].oauth";

describe("OAuth flows and scopes (config/rules/oauth)", () => {
    it("accepts client_credentials on a confidential client with resource-server scopes, URL identifiers included", () => {
        assertAccepted(confidential({ flows: ["client_credentials"], scopes: ["orders-api/read", "https://api.example.com/orders.write"] }));
    });

    it("refuses client_credentials without scopes rather than giving it the default user scopes", () => {
        assertProblems(confidential({ flows: ["client_credentials"] }), [
            `${key}.scopes: got nothing; client_credentials needs the custom scopes of a resource server, like orders-api/read (the default openid email profile is for people signing in)`,
        ]);
    });

    it("refuses built-in scopes on a client_credentials client", () => {
        assertProblems(confidential({ flows: ["client_credentials"], scopes: ["orders-api/read", "openid", "aws.cognito.signin.user.admin"] }), [
            `${key}.scopes[1]: got "openid"; client_credentials takes custom resource-server scopes only, like orders-api/read; not openid, email, phone, profile, aws.cognito.signin.user.admin`,
            `${key}.scopes[2]: got "aws.cognito.signin.user.admin"; client_credentials takes custom resource-server scopes only, like orders-api/read; not openid, email, phone, profile, aws.cognito.signin.user.admin`,
        ]);
    });

    it("refuses client_credentials mixed with code or implicit on one client", () => {
        assertProblems(confidential({ flows: ["code", "client_credentials"], callbackUrls: ["https://app.example.com/cb"], scopes: ["orders-api/read"] }), [
            `${key}.flows: got ["code","client_credentials"]; client_credentials cannot be combined with code or implicit on one client`,
        ]);
    });

    it("refuses client_credentials on a public client or one without a secret", () => {
        const flows = { flows: ["client_credentials"], scopes: ["orders-api/read"] };
        assertProblems({ domain, resourceServers, clients: [{ name: "web", oauth: flows }, { name: "server", type: "confidential", generateSecret: false, oauth: flows }] }, [
            `cognito-user-pool:clients[0].oauth.flows: got ["client_credentials"]; client_credentials needs a client secret: use type: confidential`,
            `cognito-user-pool:clients[1].oauth.flows: got ["client_credentials"]; client_credentials needs a client secret: remove generateSecret: false`,
        ]);
    });

    it("refuses a scope that is neither built in nor a resource server's, or that the API's pattern refuses", () => {
        assertProblems({ domain, clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], scopes: ["openid", "orders", "orders api/read"] } }] }, [
            `${key}.scopes[2]: got "orders api/read"; expected a scope of 1 to 256 printable ASCII characters, without spaces, " or \\`,
            `${key}.scopes[1]: got "orders"; expected one of openid, email, phone, profile, aws.cognito.signin.user.admin, or a resource server's scope written <identifier>/<scope>`,
        ]);
    });

    it("wants the default redirect URL among the callback URLs", () => {
        assertAccepted({ domain, clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], defaultRedirectUrl: "https://app.example.com/cb" } }] });
        assertProblems({ domain, clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], defaultRedirectUrl: "https://app.example.com/other" } }] }, [
            `${key}.defaultRedirectUrl: got "https://app.example.com/other"; expected one of the callbackUrls`,
        ]);
    });

    it("refuses an identity provider name the API's pattern does not allow", () => {
        assertProblems({ domain, clients: [{ name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"], identityProviders: ["COGNITO", "Google Workspace"] } }] }, [
            `${key}.identityProviders[1]: got "Google Workspace"; expected COGNITO or an identity provider's name: 1 to 32 characters without spaces`,
        ]);
    });

    it("wants a callback URL for the code and implicit flows", () => {
        assertProblems({ domain, clients: [{ name: "web", oauth: { flows: ["implicit"] } }] }, [
            `${key}.callbackUrls: got []; the code and implicit flows need at least one callback URL`,
        ]);
    });
});
