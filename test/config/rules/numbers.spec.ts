import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseConfigValue } from "../../../config/rules/numbers";
import { readStackConfig } from "../../../stack-files/reader";
import { configProblemsOf } from "../support/problems";

/** Writes a project with the given stack file and reads its config as `npm run plan` does. */
function configOfStackFile(stackYaml: string): Record<string, string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "numbers-"));
    try {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: cognito-user-pool\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml);
        return readStackConfig(dir, "dev").config;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("numbers as written (config/rules/numbers)", () => {
    it("reports 1e400 from a stack file as the user wrote it, never as null", () => {
        const config = configOfStackFile([
            "config:",
            "  cognito-user-pool:protect: 1e400",
            "  cognito-user-pool:password: {minLength: 1e400, temporaryPasswordValidityDays: -1e400}",
        ].join("\n"));
        assert.deepEqual(configProblemsOf(config), [
            `cognito-user-pool:protect: got "1e400"; expected true or false (without quotes)`,
            `cognito-user-pool:password.minLength: got "1e400"; expected a whole number from 6 to 99`,
            `cognito-user-pool:password.temporaryPasswordValidityDays: got "-1e400"; expected a whole number from 0 to 365`,
        ]);
    });

    it("reads Pulumi config JSON as JSON, keeping numbers JSON.parse cannot hold as written", () => {
        assert.deepEqual(parseConfigValue(`{"minLength":8,"names":["a"],"flag":true}`), { minLength: 8, names: ["a"], flag: true });
        assert.equal(parseConfigValue("1e400"), "1e400");
        assert.deepEqual(parseConfigValue(`{"password":{"minLength":-1e400}}`), { password: { minLength: "-1e400" } });
        assert.deepEqual(parseConfigValue(`[{"maxValue":12345678901234567890,"minValue":-5}]`), [{ maxValue: "12345678901234567890", minValue: -5 }]);
        assert.equal(parseConfigValue("no-reply@example.com"), "no-reply@example.com");
    });

    it("names the key and the value in the program's own config too (pulumi up)", () => {
        assert.deepEqual(configProblemsOf({
            "cognito-user-pool:password": `{"minLength":1e400}`,
            "cognito-user-pool:attributes": `{"custom":[{"name":"n","type":"number","maxValue":12345678901234567890}]}`,
        }), [
            `cognito-user-pool:password.minLength: got "1e400"; expected a whole number from 6 to 99`,
            `cognito-user-pool:attributes.custom[0].maxValue: got "12345678901234567890"; expected a whole number`,
        ]);
    });
});
