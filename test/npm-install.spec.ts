import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

const repoRoot = path.resolve(__dirname, "..");

// npm 11 skips a dependency's install scripts unless package.json's allowScripts allows them, and ends `npm ci`
// with a warning for each it has not been told about (`npm help install-scripts`). Denied here: aws-sdk v2's (a
// maintenance notice; cognito-local needs the SDK) and protobufjs's (a version-scheme check): both only print.
describe("npm ci prints no warning about install scripts", () => {
    it("every installed package with an install script is allowed or denied in package.json", () => {
        const listed = execFileSync("npm", ["install-scripts", "ls"], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(listed.trim(), "No packages with unreviewed install scripts.");
    });
});
