import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { setEnvironment } from "./local-aws";

/** How the stand-in behaves beyond the stack files it is given. */
export interface FakePulumiBehaviour {
    /** What `pulumi version` prints. Default: v3.248.0. */
    readonly version?: string;
    /** Whether `pulumi whoami` succeeds. Default: true. */
    readonly loggedIn?: boolean;
    /** The stack `pulumi stack select` chose, which `pulumi stack --show-name` prints. Default: none selected. */
    readonly selectedStack?: string;
    /** The exit code of `pulumi preview` / `pulumi up`. Default: 0. */
    readonly exitCodes?: Partial<Record<"preview" | "up", number>>;
}

/** One run of the stand-in: its arguments and working directory, and the policy-pack config file it was given. */
export interface FakePulumiCall {
    readonly args: string[];
    readonly cwd: string;
    /** The JSON of the file named by --policy-pack-config, read when the CLI ran. */
    readonly policyPackConfig?: unknown;
}

/**
 * A `pulumi` executable on PATH that records every run (arguments, working directory, the policy-pack config
 * file as it was then), answers `pulumi stack export --stack <s>` with the file `export-<s>.json` and
 * `pulumi stack output --json --stack <s>` with `output-<s>.json` (failing like the CLI for other stacks),
 * `pulumi stack --show-name` with the selected stack (failing like the CLI when none is),
 * `pulumi version` and `pulumi whoami` as told, and ends `pulumi preview|up` with the chosen exit code.
 */
export class FakePulumi {
    readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"));

    constructor(behaviour: FakePulumiBehaviour = {}) {
        fs.writeFileSync(path.join(this.dir, "behaviour.json"), JSON.stringify(behaviour));
        fs.writeFileSync(path.join(this.dir, "pulumi"), [
            `#!${process.execPath}`,
            "const fs = require(\"fs\");",
            "const path = require(\"path\");",
            "const args = process.argv.slice(2);",
            "const behaviour = JSON.parse(fs.readFileSync(path.join(__dirname, \"behaviour.json\"), \"utf8\"));",
            "const configAt = args.indexOf(\"--policy-pack-config\");",
            "const configFile = configAt === -1 ? undefined : path.resolve(args[configAt + 1]);",
            "const policyPackConfig = configFile && fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, \"utf8\")) : undefined;",
            "fs.appendFileSync(path.join(__dirname, \"calls.jsonl\"), JSON.stringify({ args, cwd: process.cwd(), policyPackConfig }) + \"\\n\");",
            "const stackFile = (prefix, stack) => {",
            "    const file = path.join(__dirname, `${prefix}-${stack}.json`);",
            "    if (fs.existsSync(file)) { process.stdout.write(fs.readFileSync(file)); process.exit(0); }",
            "    process.stderr.write(`error: no stack named '${stack}' found\\n`);",
            "    process.exit(255);",
            "};",
            "switch (args[0]) {",
            "    case \"version\": console.log(behaviour.version ?? \"v3.248.0\"); break;",
            "    case \"whoami\":",
            "        if (behaviour.loggedIn === false) {",
            "            console.error(\"error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\");",
            "            process.exit(255);",
            "        }",
            "        console.log(\"tester\"); break;",
            "    case \"stack\":",
            "        if (args[1] === \"--show-name\") {",
            "            if (behaviour.selectedStack === undefined) {",
            "                console.error(\"error: no stack selected; please use `pulumi stack select` or `pulumi stack init` to choose one\");",
            "                process.exit(255);",
            "            }",
            "            console.log(behaviour.selectedStack); break;",
            "        }",
            "        stackFile(args[1] === \"export\" ? \"export\" : \"output\", args[args.indexOf(\"--stack\") + 1]); break;",
            "    default:",
            "        console.log(`${args[0]} of stack ${args[args.indexOf(\"--stack\") + 1]}: done`);",
            "        process.exit(behaviour.exitCodes?.[args[0]] ?? 0);",
            "}",
            "",
        ].join("\n"), { mode: 0o755 });
    }

    /** Every run so far, in order. */
    calls(): FakePulumiCall[] {
        const file = path.join(this.dir, "calls.jsonl");
        return fs.existsSync(file)
            ? fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line) as FakePulumiCall)
            : [];
    }

    stateOf(stack: string, exported: unknown): void {
        fs.writeFileSync(path.join(this.dir, `export-${stack}.json`), JSON.stringify(exported));
    }

    outputsOf(stack: string, outputs: Record<string, unknown>): void {
        fs.writeFileSync(path.join(this.dir, `output-${stack}.json`), JSON.stringify(outputs));
    }

    /** Puts it first on PATH; returns the undo. */
    onPath(): () => void {
        return setEnvironment({ PATH: `${this.dir}${path.delimiter}${process.env.PATH}` });
    }

    remove(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** A PATH on which there is no `pulumi`; returns the undo. */
export function withoutPulumiOnPath(): () => void {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
    const restore = setEnvironment({ PATH: empty });
    return () => {
        restore();
        fs.rmSync(empty, { recursive: true, force: true });
    };
}
