import { strict as assert } from "assert";
import { appClientArgs, clientFromDescribed, ClientInput, clients, ClientSettings, entriesOf, hasSecret, parseStackSettings } from "../../../config";
import { describedClient, plain } from "../../aws/support/described-from-inputs";
import { google } from "../support/identity-providers";
import { context } from "../support/problems";
import { along, describeRoundTrip } from "../support/round-trip";

/** The domain that serves the clients' OAuth endpoints. */
const domain = { prefix: "example-auth" };

const attributes = { custom: [{ name: "tenant", type: "string" }] };
const resourceServers = [{ identifier: "orders-api", name: "Orders", scopes: { read: "Read orders" } }];
/** The identity provider a client may offer: a client names only providers of its pool. */
const identityProviders = [google];
const parseClient = (raw: ClientInput): ClientSettings =>
    parseStackSettings({ attributes, domain, resourceServers, identityProviders, clients: [raw] }, context).clients[0];
const client = (settings: Record<string, unknown>) => parseClient({ name: "app", ...settings });

describe("app client inputs (config/catalogue/app-client)", () => {
    it("gives confidential clients a secret and public ones none", () => {
        assert.equal(hasSecret(client({})), false);
        assert.equal(hasSecret(client({ type: "confidential" })), true);
        assert.equal(hasSecret(client({ type: "confidential", generateSecret: false })), false);
    });

    it("writes token lifetimes in the unit they were given, the auth session in minutes", () => {
        const args = appClientArgs(client({ tokenValidity: { access: "1h", id: "90m", refresh: "3650d", authSession: "15m" } }), "pool");
        assert.deepEqual([args.accessTokenValidity, args.idTokenValidity, args.refreshTokenValidity, args.authSessionValidity], [1, 90, 3650, 15]);
        assert.deepEqual(args.tokenValidityUnits, { accessToken: "hours", idToken: "minutes", refreshToken: "days" });
    });

    it("maps auth flows, revocation, user existence errors and attribute permissions", () => {
        const args = appClientArgs(client({
            authFlows: ["user_password", "custom"], tokenRevocation: false, preventUserExistenceErrors: false,
            readAttributes: ["email", "custom:tenant"], writeAttributes: ["email"],
        }), "pool");
        assert.deepEqual(args.explicitAuthFlows, ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH"]);
        assert.equal(args.enableTokenRevocation, false);
        assert.equal(args.preventUserExistenceErrors, "LEGACY");
        assert.deepEqual(args.readAttributes, ["email", "custom:tenant"]);
        assert.deepEqual(args.writeAttributes, ["email"]);
    });

    it("enables OAuth flows, scopes and URLs only for clients that ask for them", () => {
        assert.equal(appClientArgs(client({}), "pool").allowedOauthFlowsUserPoolClient, false);
        const args = appClientArgs(client({ oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/callback"] } }), "pool");
        assert.equal(args.allowedOauthFlowsUserPoolClient, true);
        assert.deepEqual(args.allowedOauthFlows, ["code"]);
        assert.deepEqual(args.allowedOauthScopes, ["openid", "email", "profile"]);
        assert.deepEqual(args.callbackUrls, ["https://app.example.com/callback"]);
        assert.deepEqual(args.supportedIdentityProviders, ["COGNITO"]);
    });

    it("gives a client_credentials client the custom scopes it names, never the default user scopes", () => {
        const args = appClientArgs(client({ type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } }), "pool");
        assert.deepEqual(args.allowedOauthFlows, ["client_credentials"]);
        assert.deepEqual(args.allowedOauthScopes, ["orders-api/read"]);
    });

    it("sends the default redirect URL only when one is set", () => {
        const callbackUrls = ["https://app.example.com/callback", "myapp://callback"];
        assert.equal("defaultRedirectUri" in appClientArgs(client({ oauth: { flows: ["code"], callbackUrls } }), "pool"), false);
        const args = appClientArgs(client({ oauth: { flows: ["code"], callbackUrls, defaultRedirectUrl: "myapp://callback" } }), "pool");
        assert.equal(args.defaultRedirectUri, "myapp://callback");
    });
});

const callbackUrl = "https://app.example.com/callback";

describeRoundTrip("an app client: settings → aws.cognito.UserPoolClient inputs → DescribeUserPoolClient → settings", {
    // A client's branding is a resource of its own, with its own round trip (branding.spec.ts).
    entries: entriesOf(clients).filter(({ resourceType }) => resourceType === clients.resourceType),
    parse: parseClient,
    args: (settings) => plain(appClientArgs(settings, "us-east-1_Pool1")),
    describe: (inputs) => describedClient("client-1", inputs),
    read: clientFromDescribed,
    // The scopes written out: the read-back names them, where the config leaves the default to the mapping.
    bases: [{ name: "jobs", type: "confidential" }, { name: "web" },
        { name: "web", oauth: { flows: ["code"], scopes: ["openid", "email", "profile"], callbackUrls: [callbackUrl] } }],
    variations: {
        "name": ["server", "Mobile app"],
        "type": ["confidential"],
        "generateSecret": [false],
        "authFlows": [["user_password", "custom"], ["user_srp", "refresh_token", "user_auth", "admin_user_password"]],
        "tokenValidity.access": ["1h", "15m"],
        "tokenValidity.id": ["2h", "5m"],
        "tokenValidity.refresh": ["12h", "3650d"],
        "tokenValidity.authSession": ["10m", "15m"],
        "tokenRevocation": [false],
        // Rotation refuses the refresh_token flow, which the default flows include.
        "refreshTokenRotation.gracePeriodSeconds": [along(0, { authFlows: ["user_srp"] }), along(60, { authFlows: ["user_auth"] })],
        "preventUserExistenceErrors": [false],
        "readAttributes": [["email", "custom:tenant"], ["email"]],
        "writeAttributes": [["email"], ["email", "custom:tenant"]],
        "oauth.flows": [["implicit"], ["code", "implicit"]],
        "oauth.scopes": [["openid"], ["openid", "email", "orders-api/read"]],
        "oauth.callbackUrls": [[callbackUrl, "myapp://callback"], ["http://localhost:3000/callback"]],
        "oauth.logoutUrls": [["https://app.example.com/"], ["https://app.example.com/", "myapp://signed-out"]],
        "oauth.defaultRedirectUrl": [callbackUrl],
        "oauth.identityProviders": [["COGNITO", "Google"], ["Google"]],
    },
    readBackAsOthers: { generateSecret: "a confidential client without a secret reads back as a public one: the same inputs" },
});
