import { strict as assert } from "assert";
import { z } from "zod";
import { configKeysFor, coveringKeys, entriesOf, pool, section, setting, stack } from "../../../config";

const toy = section({
    size: setting(z.int().default(1), { doc: "", input: "shape.size" }),
    colour: setting(z.enum(["red", "blue"]).default("red"), { doc: "", input: "paint" }),
    note: setting(z.string().optional(), { doc: "" }),
    frame: section({
        width: setting(z.int().default(2), { doc: "", input: "shape.width" }),
        height: setting(z.int().default(3), { doc: "", input: "shape.height" }),
    }, { doc: "", scope: "per-environment", wrap: (object) => object.prefault({}) }),
}, { doc: "", wrap: (object) => object.prefault({}) });

/** Settings of a user pool: those whose inputs are rows of the pack's table (or inside one) are fixed. */
const toyPool = section({
    name: setting(z.string().default("p"), { doc: "", input: "name" }),
    frame: section({
        width: setting(z.int().default(2), { doc: "", input: "usernameAttributes" }),
        height: setting(z.int().default(3), { doc: "", input: "schemas[].required" }),
    }, { doc: "", scope: "per-environment", wrap: (object) => object.prefault({}) }),
    kind: setting(z.string().default("k"), { doc: "", decides: "usernameConfiguration.caseSensitive" }),
}, { doc: "", resourceType: "aws:cognito/userPool:UserPool", wrap: (object) => object.prefault({}) });

describe("the settings catalogue (config/catalogue)", () => {
    it("makes a setting fixed when one of its inputs is a row of the pack's table (or inside one), and gives it its section's scope", () => {
        assert.deepStrictEqual(entriesOf(toyPool).map(({ key, fixed, scope }) => [key, fixed, scope]), [
            ["name", false, "shared"], ["frame.width", true, "per-environment"], ["frame.height", true, "per-environment"],
            ["kind", true, "shared"],
        ]);
        assert.ok(entriesOf(toy).every(({ fixed }) => !fixed), "no resource type, nothing fixed");
        assert.deepStrictEqual(entriesOf(stack).filter(({ fixed }) => fixed).map(({ key }) => key), [
            "signIn.with", "signIn.preferredUsername", "signIn.caseSensitive", "passkeys.relyingPartyId", "attributes.required",
            "attributes.custom[].name", "attributes.custom[].type", "attributes.custom[].mutable", "attributes.custom[].developerOnly",
            "attributes.custom[].minLength", "attributes.custom[].maxLength", "attributes.custom[].minValue", "attributes.custom[].maxValue",
            "clients[].type", "clients[].generateSecret", "clients[].branding.assets", "domain.prefix", "domain.name", "domain.certificateArn", "groups[].name", "resourceServers[].identifier",
            "identityProviders[].name", "identityProviders[].type",
        ]);
    });

    it("names a section once when all its settings hold, else each setting", () => {
        assert.deepStrictEqual(coveringKeys(toyPool, (entry) => entry.fixed), ["frame", "kind"]);
        assert.deepStrictEqual(coveringKeys(toy, (entry) => entry.key !== "frame.height"), ["size", "colour", "note", "frame.width"]);
    });

    it("has a doc for every setting, and an input and a Describe path for every setting of the pool and clients", () => {
        // A client's type decides generateSecret's default; the SES identity's DNS settings are not the pool's.
        const notInputs = ["clients[].type", "email.hostedZoneId", "email.mailFromDomain"];
        // A branding style's images are files of the project: adopt names each live one instead of reading it back.
        const notReadBack = ["clients[].branding.assets"];
        const mapped = new Set([...entriesOf(pool), ...entriesOf(stack).filter(({ key }) => key.startsWith("clients[]."))].map(({ key }) => key));
        for (const { key, setting } of entriesOf(stack)) {
            assert.ok(setting.doc.length > 0, `${key} has no doc`);
            if (mapped.has(key) && !notInputs.includes(key)) {
                assert.ok(setting.describe || notReadBack.includes(key), `${key} has no Describe path`);
                assert.ok(setting.input, `${key} has no provider input`);
            }
        }
    });

    it("translates the provider inputs of a violation's structured detail into config keys", () => {
        assert.deepStrictEqual(configKeysFor("aws:cognito/userPool:UserPool", ["usernameConfiguration.caseSensitive", "schemas"]), [
            "cognito-user-pool:signIn.caseSensitive",
            "cognito-user-pool:attributes.required",
            "cognito-user-pool:attributes.custom",
        ]);
        assert.deepStrictEqual(configKeysFor("aws:cognito/userPoolClient:UserPoolClient", ["generateSecret"]),
            ["cognito-user-pool:clients[].type", "cognito-user-pool:clients[].generateSecret"]);
        assert.deepStrictEqual(configKeysFor("aws:cognito/managedLoginBranding:ManagedLoginBranding", ["assets"]), ["cognito-user-pool:clients[].branding.assets"]);
        assert.deepStrictEqual(configKeysFor("aws:cognito/userPool:UserPool", ["usernameConfigurations"]), []);
        assert.deepStrictEqual(configKeysFor("aws:sesv2/emailIdentity:EmailIdentity", ["tags"]), []);
    });
});
