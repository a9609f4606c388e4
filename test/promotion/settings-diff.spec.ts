import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseStackSettings } from "../../config/settings";
import { fixedAtCreationKeys, perEnvironmentKeys } from "../../promotion/setting-keys";
import { diffSettings } from "../../promotion/settings-diff";

const settings = (raw: Record<string, unknown>, stack = "dev") => parseStackSettings(raw, { project: "myapp", stack });

function keys(raw: { from: Record<string, unknown>; to: Record<string, unknown> }) {
    const diff = diffSettings(settings(raw.from, "dev"), settings(raw.to, "staging"));
    return {
        fixedAtCreation: diff.fixedAtCreation.map((difference) => difference.key),
        changeable: diff.changeable.map((difference) => difference.key),
        onlyInTarget: diff.onlyInTarget,
    };
}

describe("diffSettings: the effective settings that differ between two stacks", () => {
    it("finds nothing between stacks that differ only in how explicitly they spell the defaults", () => {
        const diff = diffSettings(settings({}), settings({ mfa: { mode: "off", factors: ["totp"] }, clients: [{ name: "web", type: "public" }] }));
        assert.deepStrictEqual(diff, { fixedAtCreation: [], changeable: [], onlyInTarget: [], perEnvironment: [] });
    });

    it("names each difference by its dotted key, with the value in each stack after defaults", () => {
        const diff = diffSettings(settings({ password: { minLength: 12 } }), settings({}));
        assert.deepStrictEqual(diff.changeable.map(({ key, from, to }) => ({ key, from, to })),
            [{ key: "password.minLength", from: 12, to: 8 }]);
    });

    it("sets every per-environment setting apart, named by its own key", () => {
        const everythingPerEnvironment = (suffix: string) => ({
            protect: suffix === "a",
            import: { userPool: `eu-west-1_${suffix}` },
            userPool: {
                name: `pool-${suffix}`,
                deletionProtection: suffix === "a",
                tags: { environment: suffix },
            },
            mfa: { mode: suffix === "a" ? "off" : "optional" },
            email: { sender: "ses", from: `no-reply@${suffix}.example.com`, fromName: suffix, replyTo: `help@${suffix}.example.com`, configurationSet: suffix },
            clients: [{ name: "web", tokenValidity: { refresh: suffix === "a" ? "30d" : "7d" } }],
        });
        const diff = diffSettings(settings(everythingPerEnvironment("a")), settings(everythingPerEnvironment("b"), "staging"));
        assert.deepStrictEqual({ fixedAtCreation: diff.fixedAtCreation, changeable: diff.changeable }, { fixedAtCreation: [], changeable: [] });
        assert.deepStrictEqual(diff.perEnvironment.map((difference) => difference.key).sort(), [
            "clients[web].tokenValidity.refresh", "email.configurationSet", "email.from", "email.fromName", "email.replyTo",
            "import.userPool", "mfa.mode", "protect", "userPool.deletionProtection", "userPool.name", "userPool.tags.environment",
        ]);
    });

    it("groups sign-in options, required and custom attributes and a client's type or secret as fixed at creation", () => {
        const diff = keys({
            from: {
                signIn: { with: ["username", "email"], caseSensitive: true }, attributes: { required: ["email", "name"], custom: [{ name: "tenant", type: "string" }] },
                clients: [{ name: "web", type: "confidential", generateSecret: false }],
            },
            to: { clients: [{ name: "web" }] },
        });
        assert.deepStrictEqual(diff.fixedAtCreation, [
            "signIn.with", "signIn.caseSensitive", "attributes.required", "attributes.custom",
            "clients[web].type", "clients[web].generateSecret",
        ]);
        assert.deepStrictEqual(diff.changeable, []);
    });

    it("compares clients by name, whatever their order", () => {
        const diff = keys({
            from: { clients: [{ name: "server", type: "confidential" }, { name: "web", authFlows: ["user_srp"] }] },
            to: { clients: [{ name: "web" }, { name: "server", type: "confidential" }] },
        });
        assert.deepStrictEqual(diff.changeable, ["clients[web].authFlows"]);
    });

    it("counts a client only in the stack promoted from as one changeable addition, and reports one only in the target", () => {
        const diff = diffSettings(
            settings({ clients: [{ name: "web" }, { name: "server", type: "confidential" }] }),
            settings({ clients: [{ name: "web" }, { name: "legacy" }] }, "staging"));
        assert.deepStrictEqual(diff.changeable.map(({ key, to }) => ({ key, to })), [{ key: "clients[server]", to: undefined }]);
        assert.strictEqual((diff.changeable[0].from as { type: string }).type, "confidential");
        assert.deepStrictEqual(diff.onlyInTarget, ["clients[legacy]"]);
    });

    it("compares an optional group key by key when only one stack has it", () => {
        const diff = keys({ from: { verification: { method: "code", emailSubject: "Your code" } }, to: {} });
        assert.deepStrictEqual(diff.changeable, ["verification.emailSubject"]);
    });

    it("compares lists as a whole, order included (account recovery is ordered)", () => {
        const diff = keys({
            from: { accountRecovery: ["phone", "email"], signIn: { with: ["phone"] }, sms: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } },
            to: { accountRecovery: ["email", "phone"], signIn: { with: ["phone"] }, sms: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" } },
        });
        assert.deepStrictEqual(diff.changeable, ["accountRecovery"]);
    });
});

describe("the promotion key lists", () => {
    it("are documented, every key, in docs/promotion.md", () => {
        const page = fs.readFileSync(path.join(__dirname, "../../docs/promotion.md"), "utf8");
        for (const key of [...perEnvironmentKeys, ...fixedAtCreationKeys]) {
            assert.ok(page.includes(`\`${key}\``), `docs/promotion.md does not mention ${key}`);
        }
    });
});
