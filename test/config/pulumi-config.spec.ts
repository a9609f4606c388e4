import { strict as assert } from "assert";
import { evaluateStack, RegisteredResource, SecretValue } from "../../offline/evaluate";
import type { StackConfig } from "../../stack-files/reader";
import { only, resourceTypes, stackConfig, withSettings } from "../support/program";

/*
 * `pulumi config set --secret` writes a value `secure:`; the engine decrypts it and hands the program the value
 * with the list of secret keys (PULUMI_CONFIG_SECRET_KEYS). Here the program gets both as the engine would give
 * them, under Pulumi's mocks, and the registered inputs show which values it marked secret: a value from a secret
 * key must be one (else the state and `pulumi preview --diff` show it), the same value from a plain key not.
 */

const sms = { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "5c2b8e0a-6f1d-4b7e-9a43-d0e8c1f27b65" };

/** The dev stack (MFA off) with SMS set, and the given config keys secret. */
function devWithSms(secretKeys: readonly string[]): StackConfig {
    const config = withSettings(stackConfig("dev"), { sms });
    return { ...config, secretKeys: secretKeys.map((key) => `cognito-user-pool:${key}`) };
}

const poolOf = async (stack: StackConfig): Promise<RegisteredResource> => only((await evaluateStack(stack)).resources, resourceTypes.userPool);

describe("secret config values (config/pulumi-config.ts loadSecretKeys) reach the resources as Pulumi secrets", () => {
    it("a secure: sms makes the pool's SMS inputs secrets, and only those", async () => {
        const pool = await poolOf(devWithSms(["sms"]));
        assert.deepEqual([...pool.secretInputs!].sort(), ["smsConfiguration.externalId", "smsConfiguration.snsCallerArn"]);
        assert.equal(pool.inputs.smsConfiguration.externalId, sms.externalId, "the value itself reaches the provider");
    });

    it("the same sms set in plain text stays plain (the control)", async () => {
        const pool = await poolOf(devWithSms([]));
        assert.deepEqual(pool.secretInputs, []);
        assert.equal(pool.inputs.smsConfiguration.externalId, sms.externalId);
    });

    it("a secure: clients makes every input of every client a secret, and none of the pool's", async () => {
        const { resources } = await evaluateStack({ ...stackConfig("prod"), secretKeys: ["cognito-user-pool:clients"] });
        const clients = resources.filter((resource) => resource.type === resourceTypes.client);
        assert.equal(clients.length, 2);
        for (const client of clients) {
            assert.ok(client.secretInputs!.includes("name") && client.secretInputs!.includes("callbackUrls") === ("callbackUrls" in client.inputs),
                `${client.name}: ${client.secretInputs!.join(", ")}`);
            assert.ok(!client.secretInputs!.includes("userPoolId"), "the pool's id is not a client setting");
        }
        assert.deepEqual(only(resources, resourceTypes.userPool).secretInputs, []);
    });

    it("a secure: email makes the SES identity's name and the pool's email configuration secrets", async () => {
        const { resources } = await evaluateStack({ ...stackConfig("prod"), secretKeys: ["cognito-user-pool:email"] });
        assert.deepEqual(only(resources, resourceTypes.senderIdentity).secretInputs, ["emailIdentity"]);
        assert.ok(only(resources, resourceTypes.userPool).secretInputs!.includes("emailConfiguration"));
    });

    it("a secure: email given by identity ARN keeps the exported sender ARN secret", async () => {
        const arn = "arn:aws:ses:ap-northeast-2:123456789012:identity/example.com";
        const stack = withSettings(stackConfig("prod"), { email: { sender: "ses", from: "no-reply@example.com", identityArn: arn } });
        const secret = await evaluateStack({ ...stack, secretKeys: ["cognito-user-pool:email"] });
        const plain = await evaluateStack(stack);
        const exported = (outputs: Record<string, unknown>) => (outputs.senderIdentity as { arn: unknown }).arn;
        assert.ok(exported(secret.outputs) instanceof SecretValue);
        assert.equal((exported(secret.outputs) as SecretValue).value, arn);
        assert.equal(exported(plain.outputs), arn);
    });
});
