import { strict as assert } from "assert";
import * as fs from "fs";
import { evaluate, ofType, only, repoRoot, resourceTypes, stackConfig, withSettings } from "../support/program";

const brandingType = "aws:cognito/managedLoginBranding:ManagedLoginBranding";
const domain = { prefix: "example-auth", managedLoginVersion: 2 };
const oauth = { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] };
const logo = "test/fixtures/branding/logo.png";
const logoDark = "test/fixtures/branding/logo-dark.png";
const style = {
    settings: { categories: { global: { colorSchemeMode: "DARK" } } },
    assets: [
        { category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", file: logo },
        { category: "FORM_LOGO", colorMode: "DARK", extension: "PNG", file: logoDark },
    ],
};
const base64Of = (file: string) => fs.readFileSync(`${repoRoot}/${file}`).toString("base64");

describe("managed login branding per client (components/managed-login-branding)", () => {
    it("registers one style per branded client, named after it, in its pool, replaced by deleting it first", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), {
            domain, clients: [{ name: "web", oauth, branding: style }, { name: "admin", oauth, branding: "cognito" }, { name: "native" }],
        }));
        const clients = Object.fromEntries(ofType(resources, resourceTypes.client).map((client) => [client.name, client]));
        const brandings = ofType(resources, brandingType);
        assert.deepStrictEqual(brandings.map((branding) => branding.name).sort(), ["auth-branding-admin", "auth-branding-web"]);
        const named = (name: string) => brandings.find((branding) => branding.name === name)!;
        const [web, admin] = [named("auth-branding-web"), named("auth-branding-admin")];
        assert.deepStrictEqual(web.inputs, {
            clientId: clients["auth-client-web"].id,
            userPoolId: only(resources, resourceTypes.userPool).id,
            settings: '{"categories":{"global":{"colorSchemeMode":"DARK"}}}',
            assets: [
                { category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: base64Of(logo) },
                { category: "FORM_LOGO", colorMode: "DARK", extension: "PNG", bytes: base64Of(logoDark) },
            ],
        });
        assert.deepStrictEqual(admin.inputs, {
            clientId: clients["auth-client-admin"].id, userPoolId: only(resources, resourceTypes.userPool).id, useCognitoProvidedValues: true,
        });
        for (const branding of brandings) {
            assert.equal(branding.parent, only(resources, resourceTypes.backend).urn);
            assert.equal(branding.deleteBeforeReplace, true, "a client has one style at a time: the new one is refused while the old one exists");
        }
        assert.ok(web.dependencies?.includes(clients["auth-client-web"].urn));
    });

    it("keeps a style's inputs secret when the clients key is (a secure: value under clients)", async () => {
        const config = withSettings(stackConfig("dev"), { domain, clients: [{ name: "web", oauth, branding: style }] });
        const { resources } = await evaluate({ ...config, secretKeys: [...config.secretKeys, "cognito-user-pool:clients"] });
        assert.deepStrictEqual([...only(resources, brandingType).secretInputs!].sort(), ["assets", "settings"]);
    });

    it("adopts an existing style by `<pool id>,<style id>`", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), {
            domain, clients: [{ name: "web", oauth, branding: "cognito" }],
            import: { userPool: "ap-northeast-2_Pool1", brandings: { web: "06c6ae7b-1e66-46d2-87a9-1203ea3307bd" } },
        }));
        assert.equal(only(resources, brandingType).importId, "ap-northeast-2_Pool1,06c6ae7b-1e66-46d2-87a9-1203ea3307bd");
    });

    it("gives a successor's clients their styles too, in the new pool", async () => {
        const { resources } = await evaluate(withSettings(stackConfig("dev"), {
            domain, clients: [{ name: "web", oauth, branding: "cognito" }], successor: { name: "next", domain: { ...domain, prefix: "example-next" } },
        }));
        const names = ofType(resources, brandingType).map((branding) => branding.name).sort();
        assert.deepStrictEqual(names, ["auth-branding-web", "successor-branding-web"]);
    });

    it("warns of a sign-in client a managed login domain serves no page for, and of no other", async () => {
        const { warnings } = await evaluate(withSettings(stackConfig("dev"), {
            domain, resourceServers: [{ identifier: "api", name: "API", scopes: { read: "Read" } }],
            clients: [{ name: "web", oauth }, { name: "admin", oauth, branding: "cognito" }, { name: "jobs", type: "confidential", oauth: { flows: ["client_credentials"], scopes: ["api/read"] } }],
        }));
        assert.deepStrictEqual(warnings.filter((warning) => warning.includes("managed login")), [
            "the domain serves managed login (managedLoginVersion 2), which shows web no sign-in page until it has a branding style: " +
                "give it branding (cognito for Cognito's default style), or set domain.managedLoginVersion to 1 (the classic hosted UI)",
        ]);
        const classic = await evaluate(withSettings(stackConfig("dev"), { domain: { prefix: "example-auth" }, clients: [{ name: "web", oauth }] }));
        assert.deepStrictEqual(classic.warnings.filter((warning) => warning.includes("managed login")), []);
    });

    it("registers none for a stack without branding", async () => {
        const { resources } = await evaluate(stackConfig("dev"));
        assert.deepStrictEqual(ofType(resources, brandingType), []);
    });
});
