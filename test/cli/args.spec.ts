import * as assert from "assert";
import { parseOptions, stackName, UsageError } from "../../cli/args";

const spec = {
    stack: { type: "string", required: true },
    baseline: { type: "string" },
    json: { type: "boolean" },
    "from-aws": { type: "boolean" },
    help: { type: "boolean" },
} as const;
const noNpmConfig = {};

function usageError(argv: string[], environment: Record<string, string> = noNpmConfig): string {
    try {
        parseOptions(argv, spec, environment);
    } catch (error) {
        assert.ok(error instanceof UsageError, String(error));
        return error.message;
    }
    assert.fail(`accepted ${argv.join(" ")}`);
}

describe("parseOptions: strict command-line options", () => {
    it("reads string options and flags, a flag absent being false", () => {
        assert.deepStrictEqual({ ...parseOptions(["--stack", "dev", "--baseline=b.json"], spec, noNpmConfig) },
            { stack: "dev", baseline: "b.json", json: false, "from-aws": false, help: false });
        assert.strictEqual(parseOptions(["--json", "--stack", "dev"], spec, noNpmConfig).json, true);
    });

    it("takes an option's one-letter form (-s for --stack, as Pulumi's) where the spec gives one", () => {
        const withShort = { ...spec, stack: { type: "string", short: "s" } } as const;
        assert.strictEqual(parseOptions(["-s", "dev"], withShort, noNpmConfig).stack, "dev");
        assert.throws(() => parseOptions(["-s", "dev"], spec, noNpmConfig), /^UsageError: unknown option -s$/);
    });

    it("says when npm took -s as its --silent (`npm run plan -s dev`, without `--`)", () => {
        const withShort = { ...spec, stack: { type: "string", short: "s" } } as const;
        assert.throws(() => parseOptions(["dev"], withShort, { npm_config_loglevel: "silent" }), (error: Error) => error.message ===
            'unexpected argument "dev": this command takes only options\n' +
            "npm took -s as its own --silent (it set npm_config_loglevel=silent) and the command never saw it: put `--` before the command's options, as the usage shows");
    });

    it("takes -h for --help, and asks no required option of it", () => {
        assert.strictEqual(parseOptions(["-h"], spec, noNpmConfig).help, true);
        assert.strictEqual(parseOptions(["--help"], spec, noNpmConfig).help, true);
    });

    const usageErrors: [string, string[], RegExp][] = [
        ["an unknown option, named as typed", ["--stack", "dev", "--jsn"], /^unknown option --jsn$/],
        ["an unknown short option", ["--stack", "dev", "-x"], /^unknown option -x$/],
        ["an option without its value", ["--stack"], /--stack/],
        ["a value given to a flag", ["--stack", "dev", "--json=yes"], /--json/],
        ["a positional argument", ["--stack", "dev", "prod"], /^unexpected argument "prod": this command takes only options$/],
        ["a missing required option", ["--json"], /^missing --stack$/],
        ["an option given twice, with both values", ["--stack", "dev", "--stack=prod"], /^--stack given 2 times \("dev", then "prod"\): give it once$/],
        ["a flag given twice", ["--stack", "dev", "--json", "--json"], /^--json given 2 times \("--json", then "--json"\): give it once$/],
    ];
    for (const [what, argv, message] of usageErrors) {
        it(`refuses ${what}`, () => {
            assert.match(usageError(argv), message);
        });
    }

    it("names every problem at once, one a line", () => {
        assert.deepStrictEqual(usageError(["--json", "--json", "dev"]).split("\n"), [
            "--json given 2 times (\"--json\", then \"--json\"): give it once",
            "unexpected argument \"dev\": this command takes only options",
            "missing --stack",
        ]);
    });

    describe("options npm kept for itself (`npm run plan --stack dev`, without `--`)", () => {
        // What npm 11 hands the script then: the value alone as an argument, the option as npm_config_<name>.
        it("says which options npm took, by the variables it set, and how to pass them", () => {
            const message = usageError(["dev"], { npm_config_stack: "true", npm_config_from_aws: "true" });
            assert.deepStrictEqual(message.split("\n"), [
                "unexpected argument \"dev\": this command takes only options",
                "missing --stack",
                "npm took --stack, --from-aws as its own options (it set npm_config_stack, npm_config_from_aws) and the " +
                    "command never saw them: put `--` before the command's options, as the usage shows",
            ]);
        });

        it("is not said of an option the command did get, nor when nothing else is wrong (an .npmrc may set json)", () => {
            assert.doesNotMatch(usageError(["--stack", "dev", "x"], { npm_config_stack: "true" }), /npm took/);
            assert.strictEqual(parseOptions(["--stack", "dev"], spec, { npm_config_json: "true" }).json, false);
        });
    });
});

describe("stackName", () => {
    it("takes a Pulumi stack name and refuses a path or nothing", () => {
        assert.strictEqual(stackName("prod-eu_1.b", "--stack"), "prod-eu_1.b");
        assert.throws(() => stackName("../prod", "--stack"), /--stack "..\/prod": a stack name/);
        assert.throws(() => stackName(undefined, "--to"), /^UsageError: missing --to$/);
    });
});
