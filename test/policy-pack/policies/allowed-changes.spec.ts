import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
    attributesUnchanged,
    clientSecretUnchanged,
    poolNotRemoved,
    regionUnchanged,
    signInOptionsUnchanged,
} from "../../../policy-pack/src/policies";
import { CLIENT_TYPE, POOL_TYPE, clientArgs, poolArgs, stackArgs, stackViolations, violations } from "../support/args";
import { seedBaseline, withBaseline } from "../support/baseline";
import { clientProps, poolProps } from "../support/fixtures";

// Changes Cognito applies in place: none of the fixed-settings policies may object to them.
const fixedPoolPolicies: ResourceValidationPolicy[] = [signInOptionsUnchanged, attributesUnchanged, regionUnchanged];

async function poolViolations(props: Record<string, unknown>): Promise<string[]> {
    const all: string[] = [];
    for (const p of fixedPoolPolicies) all.push(...(await violations(p, poolArgs(props, withBaseline()))));
    return all;
}

describe("changes Cognito can apply pass every fixed-settings policy", () => {
    const base = poolProps();

    it("renaming the pool (UpdateUserPool takes PoolName; provider >= 6.6.0 updates name in place, PR #42639)", async () => {
        assert.deepStrictEqual(await poolViolations({ ...base, name: "myapp-dev-renamed" }), []);
    });

    it("adding a custom attribute", async () => {
        const schemas = [...base.schemas, { name: "plan", attributeDataType: "Number", mutable: true, numberAttributeConstraints: { minValue: "0", maxValue: "9" } }];
        assert.deepStrictEqual(await poolViolations({ ...base, schemas }), []);
    });

    it("turning MFA on", async () => {
        assert.deepStrictEqual(await poolViolations({ ...base, mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } }), []);
    });

    it("changing the password policy", async () => {
        assert.deepStrictEqual(await poolViolations({ ...base, passwordPolicy: { minimumLength: 12, requireSymbols: false } }), []);
    });

    it("changing email settings (Cognito's sender, another FROM, a reply-to)", async () => {
        assert.deepStrictEqual(await poolViolations({ ...base, emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" } }), []);
        assert.deepStrictEqual(
            await poolViolations({ ...base, emailConfiguration: { ...base.emailConfiguration, fromEmailAddress: "Team <team@example.com>", replyToEmailAddress: "support@example.com" } }),
            [],
        );
    });

    it("changing deletion protection, recovery, verification and tags", async () => {
        assert.deepStrictEqual(
            await poolViolations({ ...base, deletionProtection: "INACTIVE", autoVerifiedAttributes: [], tags: { team: "identity" }, userPoolTier: "PLUS" }),
            [],
        );
    });

    it("renaming a client (its name input; UpdateUserPoolClient takes ClientName)", async () => {
        assert.deepStrictEqual(await violations(clientSecretUnchanged, clientArgs({ ...clientProps(), name: "web-app" }, { ...withBaseline(), name: "auth-client-web" })), []);
    });

    it("changing a client's token lifetimes, and adding a client", async () => {
        const changed = clientProps({ accessTokenValidity: 5, idTokenValidity: 5, refreshTokenValidity: 3650, authSessionValidity: 15 });
        assert.deepStrictEqual(await violations(clientSecretUnchanged, clientArgs(changed, withBaseline())), []);
        const added = clientProps({ name: "server", generateSecret: true });
        assert.deepStrictEqual(await violations(clientSecretUnchanged, clientArgs(added, withBaseline())), []);
        const stack = stackArgs(
            "dev",
            [
                { type: POOL_TYPE, name: "auth-pool", props: base },
                { type: CLIENT_TYPE, name: "auth-client-web", props: clientProps() },
                { type: CLIENT_TYPE, name: "auth-client-server", props: added },
            ],
            { baseline: seedBaseline() },
        );
        assert.deepStrictEqual(await stackViolations(poolNotRemoved, stack), []);
    });
});
