import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "../../config";
import { listStacks, readStackConfig, StackFileError } from "../../offline/stack-files";
import { repoRoot } from "../support/program";

function projectWith(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("stack files (offline/stack-files)", () => {
    it("lists the repo's stacks", () => {
        assert.deepEqual(listStacks(repoRoot), ["dev", "prod", "staging"]);
    });

    it("merges Pulumi.yaml's declared defaults under the stack's values, as the CLI does", () => {
        const dir = projectWith({ "Pulumi.qa.yaml": "config:\n  aws:region: eu-west-1\n  cognito-user-pool:protect: true\n" });
        const { project, config } = readStackConfig(dir, "qa");
        assert.equal(project, "cognito-user-pool");
        assert.equal(config["aws:region"], "eu-west-1");
        assert.equal(config["cognito-user-pool:protect"], "true");
        assert.equal(config["cognito-user-pool:userPool"], "{}");
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
});
