import { strict as assert } from "assert";
import { Amplify, type ResourcesConfig } from "aws-amplify";
import { signInWithRedirect, type SignInWithRedirectInput, signOut } from "aws-amplify/auth";
import { defaultStorage } from "aws-amplify/utils";
import type { AmplifyConfig } from "../../components";
import type { StackConfig } from "../../stack-files/reader";
import { amazon, apple, facebook, google, oidc, saml } from "../config/support/identity-providers";
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

function devStack(settings: Record<string, unknown>): StackConfig {
    // The providers' credentials are secrets, as the program requires of them.
    return { ...withSettings(stackConfig("dev"), { resourceServers, ...settings }), secretKeys: ["cognito-user-pool:identityProviders"] };
}

async function outputsOf(settings: Record<string, unknown>): Promise<StackOutputs> {
    const { outputs } = await evaluate(devStack(settings));
    return outputs as unknown as StackOutputs;
}

/** Amplify configured with the stack's output, as a front end does: the config it resolved. */
function configuredCognito(outputs: StackOutputs) {
    Amplify.configure(asAmplifyConfig(outputs.amplifyConfig));
    return Amplify.getConfig().Auth!.Cognito;
}

/**
 * Runs `action` on a page at `pageUrl`. Node has no page: `window` stands in for the two things Amplify reads of it
 * (location, to pick the redirect of the page's origin, and which its web openAuthSession sets to navigate;
 * addEventListener). Gives where the page was sent, if anywhere.
 */
async function onPage(pageUrl: string, action: () => Promise<unknown>): Promise<string> {
    const location = new URL(pageUrl);
    Object.assign(globalThis, { window: { location, addEventListener: () => undefined } });
    try {
        await action();
    } finally {
        delete (globalThis as { window?: unknown }).window;
    }
    return location.href;
}

/** The URL Amplify's signInWithRedirect (for `provider`, when given) opens from a page at `pageUrl`. */
async function signInRedirectFrom(pageUrl: string, provider?: SignInWithRedirectInput["provider"]): Promise<URL> {
    let opened: string | undefined;
    await onPage(pageUrl, () => signInWithRedirect({
        ...(provider === undefined ? {} : { provider }),
        options: { authSessionOpener: async (url: string) => { opened = url; return undefined; } },
    }));
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

    it("lists the identity providers the client offers as Amplify names them, each making sign-in go straight to its provider in Cognito", async () => {
        const providers = [google, apple, facebook, amazon, oidc, saml];
        const offered = ["COGNITO", ...providers.map((provider) => provider.name)];
        const outputs = await outputsOf({ domain: { prefix: "example-auth" }, identityProviders: providers,
            clients: [{ ...web, oauth: { ...web.oauth, identityProviders: offered } }] });
        const oauth = configuredCognito(outputs).loginWith!.oauth!;
        assert.deepStrictEqual(oauth.providers, ["Google", "Apple", "Facebook", "Amazon", { custom: "Corp" }, { custom: "Okta" }]);
        for (const [index, provider] of oauth.providers!.entries()) {
            const opened = await signInRedirectFrom("https://app.example.com/callback", provider);
            assert.equal(opened.searchParams.get("identity_provider"), providers[index].name, `${JSON.stringify(provider)} signs in with ${providers[index].name}`);
        }
    });

    it("lists no providers for a client that offers only the pool's own users (COGNITO), whose sign-in names COGNITO", async () => {
        const outputs = await outputsOf({ domain: { prefix: "example-auth" }, identityProviders: [google, oidc], clients: [web] });
        const oauth = configuredCognito(outputs).loginWith!.oauth!;
        assert.equal("providers" in oauth, false);
        const opened = await signInRedirectFrom("https://app.example.com/callback");
        assert.equal(opened.searchParams.get("identity_provider"), "COGNITO");
    });

    it("keeps amazon-cognito-identity-js's frontendConfig for the same client", async () => {
        const { outputs } = await evaluate(withSettings(stackConfig("dev"), { domain: { prefix: "example-auth" }, clients: [jobs, web], resourceServers }));
        const amplify = (outputs.amplifyConfig as AmplifyConfig).Auth.Cognito;
        assert.deepStrictEqual(outputs.frontendConfig, { UserPoolId: amplify.userPoolId, ClientId: amplify.userPoolClientId, region: "ap-northeast-2" });
    });
});

describe("the warning of a front end without a sign-out URL (components/amplify-config)", () => {
    const domain = { prefix: "example-auth" };
    const spa = { name: "spa", type: "public", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/"] } };
    const spaWarning = "cognito-user-pool:clients[1].oauth.logoutUrls: spa signs in on the domain but has no sign-out URL, so amplifyConfig " +
        "has redirectSignOut: []: Amplify's signOut() after signInWithRedirect clears the tokens, then rejects with InvalidRedirectException " +
        "and never opens the domain's /logout, which ends the user's session there; add the app's signed-out page (a URL of its origin) to logoutUrls";
    const logoutWarnings = (warnings: readonly string[]) => warnings.filter((warning) => warning.includes("logoutUrls"));

    it("names the key of the front-end client that signs in on the domain without logoutUrls, and of no other client", async () => {
        const { warnings } = await evaluate(devStack({ domain, clients: [jobs, spa, { ...spa, name: "admin" }] }));
        assert.deepStrictEqual(logoutWarnings(warnings), [spaWarning]);
        const withLogout = await evaluate(devStack({ domain, clients: [jobs, web, spa] }));
        assert.deepStrictEqual(logoutWarnings(withLogout.warnings), []);
    });

    it("is what Amplify does: signOut() after a sign-in through the domain rejects without a sign-out URL, and opens /logout with one", async () => {
        /** Signs out on the app's page a user who signed in through the domain: completeOAuthFlow's mark of such a sign-in. */
        const signOutAfterRedirect = async (outputs: StackOutputs) => {
            configuredCognito(outputs);
            // DefaultOAuthStore.storeOAuthSignIn (@aws-amplify/auth providers/cognito/utils/signInWithRedirectStore).
            await defaultStorage.setItem(`CognitoIdentityServiceProvider.${outputs.clients.spa.id}.oauthSignIn`, "true,false");
            return onPage("https://app.example.com/", () => signOut());
        };
        await assert.rejects(signOutAfterRedirect(await outputsOf({ domain, clients: [spa] })), { name: "InvalidRedirectException" });

        const outputs = await outputsOf({ domain, clients: [{ ...spa, oauth: { ...spa.oauth, logoutUrls: ["https://app.example.com/"] } }] });
        const sentTo = new URL(await signOutAfterRedirect(outputs));
        assert.equal(`${sentTo.origin}${sentTo.pathname}`, `${outputs.domain}/logout`);
        assert.equal(sentTo.searchParams.get("client_id"), outputs.clients.spa.id);
        assert.equal(sentTo.searchParams.get("logout_uri"), "https://app.example.com/");
    });

    it("warns once of a successor's inherited clients, at clients; of its own at successor.clients", async () => {
        const successor = { name: "myapp-dev-v2", domain: { prefix: "example-auth-v2" } };
        const inherited = await evaluate(devStack({ domain, clients: [jobs, spa], successor }));
        assert.deepStrictEqual(logoutWarnings(inherited.warnings), [spaWarning]);
        const own = await evaluate(devStack({ domain, clients: [jobs, web], successor: { ...successor, clients: [spa] } }));
        assert.deepStrictEqual(logoutWarnings(own.warnings), [spaWarning.replace("clients[1]", "successor.clients[0]")]);
    });
});
