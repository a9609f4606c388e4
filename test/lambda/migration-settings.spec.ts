import { strict as assert } from "assert";
import { migratedAttributes, migrationEnvironment, migrationSettingsFrom } from "../../lambda/migration-settings";

const attributes = (record: Record<string, string>) => Object.entries(record).map(([Name, Value]) => ({ Name, Value }));

describe("the user-migration function's settings and attribute mapping (lambda/migration-settings.ts)", () => {
    it("reads back from the environment what the program wrote into it", () => {
        const settings = {
            oldUserPoolId: "ap-northeast-2_Old", migrationClientId: "client1",
            lookupAttributes: ["email", "phone_number"], customAttributes: ["custom:tenant", "custom:legacy_sub"],
        };
        assert.deepEqual(migrationSettingsFrom(migrationEnvironment(settings) as NodeJS.ProcessEnv), settings);
        assert.deepEqual(migrationSettingsFrom({ OLD_USER_POOL_ID: "p", MIGRATION_CLIENT_ID: "c" }),
            { oldUserPoolId: "p", migrationClientId: "c", lookupAttributes: [], customAttributes: [] });
    });

    it("refuses to run without the old pool or the migration client, naming the variable", () => {
        assert.throws(() => migrationSettingsFrom({ MIGRATION_CLIENT_ID: "c" }), /no OLD_USER_POOL_ID in its environment/);
        assert.throws(() => migrationSettingsFrom({ OLD_USER_POOL_ID: "p" }), /no MIGRATION_CLIENT_ID in its environment/);
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
});
