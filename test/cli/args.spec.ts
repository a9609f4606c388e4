import * as assert from "assert";
import { parseOptions, stackName, UsageError } from "../../cli/args";

const spec = { stack: { type: "string", required: true }, baseline: { type: "string" }, json: { type: "boolean" } } as const;

describe("parseOptions: strict command-line options", () => {
    it("reads string options and flags, a flag absent being false", () => {
        assert.deepStrictEqual({ ...parseOptions(["--stack", "dev", "--baseline=b.json"], spec) },
            { stack: "dev", baseline: "b.json", json: false });
        assert.strictEqual(parseOptions(["--json", "--stack", "dev"], spec).json, true);
    });

    const usageErrors: [string, string[], RegExp][] = [
        ["an unknown option, named as typed", ["--stack", "dev", "--jsn"], /^unknown option --jsn$/],
        ["an unknown short option", ["--stack", "dev", "-x"], /^unknown option -x$/],
        ["an option without its value", ["--stack"], /--stack/],
        ["a value given to a flag", ["--stack", "dev", "--json=yes"], /--json/],
        ["a positional argument", ["dev"], /'dev'/],
        ["a missing required option", ["--json"], /^missing --stack$/],
    ];
    for (const [what, argv, message] of usageErrors) {
        it(`refuses ${what}`, () => {
            assert.throws(() => parseOptions(argv, spec), (error: Error) => error instanceof UsageError && message.test(error.message));
        });
    }
});

describe("stackName", () => {
    it("takes a Pulumi stack name and refuses a path or nothing", () => {
        assert.strictEqual(stackName("prod-eu_1.b", "--stack"), "prod-eu_1.b");
        assert.throws(() => stackName("../prod", "--stack"), /--stack "..\/prod": a stack name/);
        assert.throws(() => stackName(undefined, "--to"), /^UsageError: missing --to$/);
    });
});
