import { strict as assert } from "assert";
import { parseDocument } from "yaml";
import { configMap, liftedKeys, splitConfig, splitProjectFile, splitStackFile } from "../../promotion/layout-split";

const split = (text: string, how: typeof splitStackFile) => {
    const document = parseDocument(text);
    const moved = how(configMap(document)!);
    return { moved, text: document.toString({ flowCollectionPadding: false }) };
};

describe("the earlier layout split into top-level keys (promotion/layout-split)", () => {
    it("lifts every group the earlier layout had under userPool, and keeps its name, deletion protection and tags", () => {
        const earlierGroups = ["accountRecovery", "attributes", "autoVerify", "email", "firstAuthFactors", "keepOriginalUntilVerified",
            "mfa", "password", "selfSignUp", "signIn", "sms", "tier", "verification"];
        assert.deepStrictEqual(earlierGroups.filter((group) => !liftedKeys.includes(group)), []);
        assert.deepStrictEqual(["name", "deletionProtection", "tags"].filter((key) => liftedKeys.includes(key)), []);
    });

    it("moves a stack file's groups and the successor's right after their map, each with its comment; an emptied map goes", () => {
        const { moved, text } = split([
            "config:",
            "  cognito-user-pool:userPool:",
            "    name: a",
            "    # Fixed at creation.",
            "    signIn: {with: [email]}",
            "  cognito-user-pool:successor:",
            "    name: b",
            "    userPool:",
            "      mfa: {mode: required}",
            "",
        ].join("\n"), splitStackFile);
        assert.deepStrictEqual(moved, ["signIn", "mfa"]);
        assert.strictEqual(text, [
            "config:",
            "  cognito-user-pool:userPool:",
            "    name: a",
            "  # Fixed at creation.",
            "  cognito-user-pool:signIn: {with: [email]}",
            "  cognito-user-pool:successor:",
            "    name: b",
            "    mfa: {mode: required}",
            "",
        ].join("\n"));
    });

    it("splits Pulumi.yaml's userPool value or default into declarations of their own, keys written as userPool's is", () => {
        const { moved, text } = split("config:\n  userPool:\n    default:\n      tier: plus\n      name: x\n", splitProjectFile);
        assert.deepStrictEqual(moved, ["tier"]);
        assert.strictEqual(text, "config:\n  userPool:\n    default:\n      name: x\n  tier:\n    default: plus\n");
    });

    it("reads a merged config of the earlier layout at the new keys, as the rewritten files must read back", () => {
        assert.deepStrictEqual(splitConfig({
            "aws:region": "eu-west-1",
            "cognito-user-pool:userPool": JSON.stringify({ name: "a", tier: "plus", signIn: { with: ["email"] } }),
            "cognito-user-pool:successor": JSON.stringify({ name: "b", userPool: { selfSignUp: false } }),
        }), {
            "aws:region": "eu-west-1",
            "cognito-user-pool:userPool": JSON.stringify({ name: "a" }),
            "cognito-user-pool:tier": "plus",
            "cognito-user-pool:signIn": JSON.stringify({ with: ["email"] }),
            "cognito-user-pool:successor": JSON.stringify({ name: "b", selfSignUp: false }),
        });
    });
});
