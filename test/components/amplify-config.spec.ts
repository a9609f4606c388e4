import { strict as assert } from "assert";
import { Amplify, type ResourcesConfig } from "aws-amplify";
import { signInWithRedirect } from "aws-amplify/auth";
import type { AmplifyConfig } from "../../components";
import { evaluate, stackConfig, withSettings } from "../support/program";

// The output is typed as Amplify's own config: the build fails when its shape leaves Amplify's.
const asAmplifyConfig = (config: AmplifyConfig): ResourcesConfig => config;

const web = {
    name: "web", type: "public",
    oauth: {
        flows: ["code"], scopes: ["openid", "email", "orders-api/read"],
        callbackUrls: ["https://app.example.com/callback", "https://admin.example.com/callback"],
        logoutUrls: ["https://app.example.com/"],
    },
};
const jobs = { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["orders-api/read"] } };
const resourceServers = [{ identifier: "orders-api", name: "Orders API", scopes: { read: "Read orders" } }];
const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";

interface StackOutputs {
    readonly userPoolId: string;
    readonly domain: string;
    readonly clients: Record<string, { id: string; authorizeUrl?: string; signInUrl?: string }>;
    readonly amplifyConfig: AmplifyConfig;
}

async function outputsOf(settings: Record<string, unknown>): Promise<StackOutputs> {
    const { outputs } = await evaluate(withSettings(stackConfig("dev"), { resourceServers, ...settings }));
    return outputs as unknown as StackOutputs;
}

/** Amplify configured with the stack's output, as a front end does: the config it resolved. */
function configuredCognito(outputs: StackOutputs) {
    Amplify.configure(asAmplifyConfig(outputs.amplifyConfig));
    return Amplify.getConfig().Auth!.Cognito;
}

/**
 * The URL Amplify's signInWithRedirect opens from a page at `pageUrl`. Node has no page: `window` stands in for the
 * two things Amplify reads of it (location, to pick the redirect of the page's origin; addEventListener).
 */
async function signInRedirectFrom(pageUrl: string): Promise<URL> {
    let opened: string | undefined;
    Object.assign(globalThis, { window: { location: new URL(pageUrl), addEventListener: () => undefined } });
    try {
        await signInWithRedirect({ options: { authSessionOpener: async (url: string) => { opened = url; return undefined; } } });
    } finally {
        delete (globalThis as { window?: unknown }).window;
    }
    return new URL(opened!);
}

describe("the Amplify JS v6 config in the stack's outputs (components/amplify-config)", () => {
    it("with a prefix domain, gives Amplify the public client's OAuth: the domain's host, scopes, redirects and the code flow", async () => {
        const outputs = await outputsOf({ domain: { prefix: "example-auth" }, clients: [jobs, web] });
        const cognito = configuredCognito(outputs);
        assert.equal(cognito.userPoolId, outputs.userPoolId);
        assert.equal(cognito.userPoolClientId, outputs.clients.web.id, "the front end's client: the public one");
        assert.deepStrictEqual(cognito.loginWith?.oauth, {
            domain: "example-auth.auth.ap-northeast-2.amazoncognito.com",
            scopes: ["openid", "email", "orders-api/read"],
            redirectSignIn: ["https://app.example.com/callback", "https://admin.example.com/callback"],
            redirectSignOut: ["https://app.example.com/"],
            responseType: "code",
        });
        assert.equal(`https://${cognito.loginWith!.oauth!.domain}`, outputs.domain);
    });

    it("makes Amplify's sign-in open the stack's authorize endpoint with the client, its scopes and the page's callback", async () => {
        const outputs = await outputsOf({ domain: { prefix: "example-auth" }, clients: [web] });
        configuredCognito(outputs);
        const opened = await signInRedirectFrom("https://admin.example.com/callback");
        assert.equal(`${opened.origin}${opened.pathname}`, outputs.clients.web.authorizeUrl);
        const signIn = new URL(outputs.clients.web.signInUrl!).searchParams;
        for (const name of ["client_id", "response_type", "scope"]) {
            assert.equal(opened.searchParams.get(name), signIn.get(name), name);
        }
        assert.equal(opened.searchParams.get("redirect_uri"), "https://admin.example.com/callback");
        assert.equal(opened.searchParams.get("code_challenge_method"), "S256");
    });

    it("with a custom domain, gives its name as the domain; an implicit client asks for tokens with the default scopes", async () => {
        const spa = { name: "spa", type: "public", oauth: { flows: ["implicit"], callbackUrls: ["https://spa.example.com/"] } };
        const outputs = await outputsOf({ domain: { name: "auth.example.com", certificateArn }, clients: [spa] });
        const cognito = configuredCognito(outputs);
        assert.deepStrictEqual(cognito.loginWith?.oauth, {
            domain: "auth.example.com",
            scopes: ["openid", "email", "profile"],
            redirectSignIn: ["https://spa.example.com/"],
            redirectSignOut: [],
            responseType: "token",
        });
        const opened = await signInRedirectFrom("https://spa.example.com/");
        assert.equal(opened.origin, "https://auth.example.com");
        assert.equal(opened.searchParams.get("response_type"), "token");
    });

    it("gives no OAuth section for a front-end client without OAuth flows, nor for a stack without a domain", async () => {
        for (const outputs of [await outputsOf({ domain: { prefix: "example-auth" }, clients: [{ name: "web", type: "public" }, jobs] }),
            await outputsOf({})]) {
            const cognito = configuredCognito(outputs);
            assert.deepStrictEqual(cognito, { userPoolId: outputs.userPoolId, userPoolClientId: outputs.clients.web.id });
        }
    });

    it("keeps amazon-cognito-identity-js's frontendConfig for the same client", async () => {
        const { outputs } = await evaluate(withSettings(stackConfig("dev"), { domain: { prefix: "example-auth" }, clients: [jobs, web], resourceServers }));
        const amplify = (outputs.amplifyConfig as AmplifyConfig).Auth.Cognito;
        assert.deepStrictEqual(outputs.frontendConfig, { UserPoolId: amplify.userPoolId, ClientId: amplify.userPoolClientId, region: "ap-northeast-2" });
    });
});
