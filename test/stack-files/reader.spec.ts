import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "../../config";
import { listStacks, readStackConfig, secretPlaceholder } from "../../stack-files/reader";
import { StackFileError } from "../../stack-files/stack-file-error";
import { repoRoot } from "../support/program";

function projectWith(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("stack files (stack-files/reader)", () => {
    it("lists the repo's stacks", () => {
        assert.deepEqual(listStacks(repoRoot), ["dev", "prod", "staging"]);
    });

    it("merges Pulumi.yaml's values and declared defaults under the stack's values, as the CLI does", () => {
        const dir = projectWith({ "Pulumi.qa.yaml": "config:\n  aws:region: eu-west-1\n  cognito-user-pool:protect: true\n" });
        const { project, config } = readStackConfig(dir, "qa");
        assert.equal(project, "cognito-user-pool");
        assert.equal(config["aws:region"], "eu-west-1");
        assert.equal(config["cognito-user-pool:protect"], "true");
        assert.equal(config["cognito-user-pool:signIn"], JSON.stringify({ with: ["username"], preferredUsername: false, caseSensitive: false }));
        assert.equal(config["cognito-user-pool:clients"], JSON.stringify([{ name: "web" }]));
    });

    it("declares defaults in Pulumi.yaml that mean the same as no config at all", () => {
        const { config } = readStackConfig(projectWith({ "Pulumi.qa.yaml": "config: {}\n" }), "qa");
        const context = { project: "cognito-user-pool", stack: "qa" };
        assert.deepEqual(parseStackSettings(rawSettingsFromPulumiConfig(config), context), parseStackSettings({}, context));
    });

    it("names an unknown stack and the stacks there are", () => {
        assert.throws(() => readStackConfig(repoRoot, "qa"),
            (error: Error) => error instanceof StackFileError && /unknown stack "qa".*stacks here: dev, prod, staging/.test(error.message));
    });

    it("gives the file and line of malformed YAML", () => {
        const dir = projectWith({ "Pulumi.qa.yaml": "config:\n  aws:region: eu-west-1\n\tbad: true\n" });
        assert.throws(() => readStackConfig(dir, "qa"),
            (error: Error) => error instanceof StackFileError && /Pulumi\.qa\.yaml:3: malformed YAML/.test(error.message));
    });

    describe("merged with Pulumi.yaml's config as the CLI merges them", () => {
        const project = (config: string) => `name: shop\nruntime: nodejs\nconfig:\n${config}`;

        it("gives a stack the project's value or default for a key it does not set, and its own value whole", () => {
            const dir = projectWith({
                "Pulumi.yaml": project([
                    "  region: {value: eu-west-1}",
                    "  tier: essentials",               // short form of a project key: a default
                    "  aws:region: ap-northeast-2",     // short form of another namespace's key: a value
                    "  limits: {default: {a: 1, b: 2}}",
                    "  retries: {type: integer, default: 3}",
                ].join("\n")),
                "Pulumi.qa.yaml": "config:\n  shop:limits: {a: 5}\n",
            });
            assert.deepEqual(readStackConfig(dir, "qa").config, {
                "shop:region": "eu-west-1",
                "shop:tier": "essentials",
                "aws:region": "ap-northeast-2",
                "shop:limits": JSON.stringify({ a: 5 }),   // the stack's object replaces the default, no deep merge
                "shop:retries": "3",
            });
        });

        it("reports every problem of Pulumi.yaml at once, as the CLI's project validation words them", () => {
            const dir = projectWith({
                "Pulumi.yaml": project([
                    "  both: {default: 1, value: 2}",
                    "  list: {type: array}",
                    "  count: {type: integer, default: many}",
                    "  aws:region: {default: eu-west-1}",
                    "  typo: {defualt: 1}",
                ].join("\n")),
                "Pulumi.qa.yaml": "config: {}\n",
            });
            assert.throws(() => readStackConfig(dir, "qa"), (error: Error) => {
                const lines = error.message.split("\n");
                assert.equal(lines.length, 5, error.message);
                assert.match(error.message, /config\.both: cannot have both a 'default' and 'value'/);
                assert.match(error.message, /config\.list: declares an array but does not specify the underlying type/);
                assert.match(error.message, /config\.count: the default value is not of the expected type 'integer'/);
                assert.match(error.message, /config\.aws:region: is not namespaced by the project and should not define a default/);
                assert.match(error.message, /config\.typo: unknown attribute defualt/);
                return error instanceof StackFileError;
            });
        });

        it("refuses a stack that misses a declared key or gives one of the wrong type, naming the file and the key", () => {
            const dir = projectWith({
                "Pulumi.yaml": project("  owner: {type: string}\n  strict: {type: boolean, default: false}\n"),
                "Pulumi.qa.yaml": "config:\n  shop:strict: yes\n",
            });
            assert.throws(() => readStackConfig(dir, "qa"), (error: Error) =>
                /Pulumi\.qa\.yaml: shop:strict: yes must be of type 'boolean'/.test(error.message) &&
                /stack 'qa' is missing configuration value owner/.test(error.message));
        });
    });

    it("gives a stack Pulumi.yaml's value: for a key it does not set, a map included, and checks a typed one's type", () => {
        const dir = projectWith({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nconfig:\n  shop:limits:\n    value: {daily: 5}\n" +
                "  shop:strict: {type: boolean, value: true}\n  shop:count: {type: integer, value: many}\n",
            "Pulumi.qa.yaml": "config:\n  shop:count: 3\n",
            "Pulumi.qa2.yaml": "config: {}\n",
        });
        const { config } = readStackConfig(dir, "qa");
        assert.deepEqual([config["shop:limits"], config["shop:strict"], config["shop:count"]], [JSON.stringify({ daily: 5 }), "true", "3"]);
        assert.throws(() => readStackConfig(dir, "qa2"), /Pulumi\.yaml: config\.shop:count: many must be of type 'integer', as its declaration says/);
    });

    it("reads `pulumi config set --secret` values as secrets shown as [secret], at the top or inside an object", () => {
        const dir = projectWith({ "Pulumi.qa.yaml": [
            "config:",
            "  cognito-user-pool:apiKey:",
            "    secure: v1:abcdefgh",
            "  cognito-user-pool:userPool:",
            "    email: {from: {secure: v1:ijklmnop}}",
        ].join("\n") });
        const { config, secretKeys } = readStackConfig(dir, "qa");
        assert.equal(config["cognito-user-pool:apiKey"], secretPlaceholder);
        assert.deepEqual(JSON.parse(config["cognito-user-pool:userPool"]), { email: { from: "[secret]" } });
        assert.deepEqual(secretKeys, ["cognito-user-pool:apiKey", "cognito-user-pool:userPool"]);
    });

    it("reads a stack file with anchors and merge keys as the CLI does", () => {
        const dir = projectWith({ "Pulumi.qa.yaml": [
            "defaults: &client {type: public, tokenRevocation: true}",
            "config:",
            "  cognito-user-pool:clients:",
            "    - {<<: *client, name: web}",
            "    - {<<: *client, name: admin, tokenRevocation: false}",
        ].join("\n") });
        assert.deepEqual(JSON.parse(readStackConfig(dir, "qa").config["cognito-user-pool:clients"]), [
            { name: "web", type: "public", tokenRevocation: true },
            { name: "admin", tokenRevocation: false, type: "public" },
        ]);
    });

    it("refuses, naming the file, what the CLI would refuse or read otherwise than it looks", () => {
        const refused = (text: string, pattern: RegExp) => assert.throws(
            () => readStackConfig(projectWith({ "Pulumi.qa.yaml": text }), "qa"),
            (error: Error) => error instanceof StackFileError && pattern.test(error.message), text);
        refused("config:\n  protect: true\n", /Pulumi\.qa\.yaml: config key "protect" is not of the form <namespace>:<name>/);
        refused("config: {}\n---\nconfig: {}\n", /Pulumi\.qa\.yaml:2: holds 2 YAML documents/);
        refused(`config:\n  cognito-user-pool:userPool: {tags: ${"[".repeat(5_000)}${"]".repeat(5_000)}}\n`,
            /Pulumi\.qa\.yaml:2: nesting deeper than 200 levels at key config\.cognito-user-pool:userPool\.tags\[0\]\[0\]\[0\]…: no setting nests that deep$/);
        refused("config:\n  cognito-user-pool:userPool: {tags: {a: .inf}}\n", /Pulumi\.qa\.yaml: cognito-user-pool:userPool: .*Infinity.* \.inf or \.nan/);
    });
});
