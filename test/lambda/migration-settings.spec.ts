import { strict as assert } from "assert";
import { migratedAttributes, migrationEnvironment, migrationSettingsFrom } from "../../lambda/migration-settings";

const attributes = (record: Record<string, string>) => Object.entries(record).map(([Name, Value]) => ({ Name, Value }));

describe("the user-migration function's settings and attribute mapping (lambda/migration-settings.ts)", () => {
    it("reads back from the environment what the program wrote into it", () => {
        const settings = {
            oldUserPoolId: "ap-northeast-2_Old", migrationClientId: "client1",
            oldPool: { usernameAttributes: [], aliasAttributes: ["email", "preferred_username"], caseSensitive: true },
            newPool: { usernameAttributes: ["email", "phone_number"], aliasAttributes: [], caseSensitive: false },
            customAttributes: ["custom:tenant", "custom:legacy_sub"],
        };
        assert.deepEqual(migrationSettingsFrom(migrationEnvironment(settings) as NodeJS.ProcessEnv), settings);
    });

    it("refuses to run without the old pool, the migration client or either pool's sign-in, naming the variable", () => {
        const signIn = JSON.stringify({ usernameAttributes: [], aliasAttributes: [], caseSensitive: true });
        const complete = { OLD_USER_POOL_ID: "p", MIGRATION_CLIENT_ID: "c", OLD_POOL_SIGN_IN: signIn, NEW_POOL_SIGN_IN: signIn };
        assert.deepEqual(migrationSettingsFrom(complete).customAttributes, []);
        for (const name of Object.keys(complete)) {
            assert.throws(() => migrationSettingsFrom({ ...complete, [name]: undefined }), new RegExp(`no ${name} in its environment`));
        }
        assert.throws(() => migrationSettingsFrom({ ...complete, NEW_POOL_SIGN_IN: `{"usernameAttributes": "email"}` }),
            /NEW_POOL_SIGN_IN is not \{"usernameAttributes": \[...\], "aliasAttributes": \[...\], "caseSensitive": true\|false\}/);
    });

    it("keeps standard attributes and verification flags, moves sub to custom:legacy_sub, drops what the new pool lacks", () => {
        const old = attributes({
            sub: "3f1c-old", email: "alice@example.com", email_verified: "true", phone_number: "+15550100",
            phone_number_verified: "false", given_name: "Alice", "custom:tenant": "acme", "custom:retired": "x",
            "custom:legacy_sub": "from-an-earlier-pool", identities: "[{\"providerName\":\"Google\"}]",
        });
        assert.deepEqual(migratedAttributes(old, ["custom:tenant", "custom:legacy_sub"]), {
            "custom:legacy_sub": "3f1c-old", email: "alice@example.com", email_verified: "true",
            phone_number: "+15550100", phone_number_verified: "false", given_name: "Alice", "custom:tenant": "acme",
        });
    });

    it("says an unverified contact is unverified, where the old pool left the flag out", () => {
        assert.deepEqual(migratedAttributes(attributes({ sub: "s", email: "bob@example.com" }), []),
            { "custom:legacy_sub": "s", email: "bob@example.com", email_verified: "false" });
    });

    it("drops an unverified contact the new pool signs in with, and a preferred_username the new pool takes as an alias and the old pool did not", () => {
        const old = attributes({ sub: "s", email: "bob@example.com", phone_number: "+15550100", phone_number_verified: "true", preferred_username: "alice" });
        const userName = { usernameAttributes: [], aliasAttributes: [], caseSensitive: true };
        assert.deepEqual(migratedAttributes(old, [], { oldPool: userName, newPool: { ...userName, aliasAttributes: ["email", "phone_number", "preferred_username"] } }),
            { "custom:legacy_sub": "s", phone_number: "+15550100", phone_number_verified: "true" });
        assert.deepEqual(migratedAttributes(old, [], { oldPool: { ...userName, aliasAttributes: ["preferred_username"] }, newPool: { ...userName, aliasAttributes: ["preferred_username"] } }),
            { "custom:legacy_sub": "s", email: "bob@example.com", email_verified: "false", phone_number: "+15550100", phone_number_verified: "true", preferred_username: "alice" });
    });
});
