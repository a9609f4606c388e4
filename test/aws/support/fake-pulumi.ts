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
    /** The exit code of `pulumi preview`, `pulumi preview --json`, `pulumi up`. Default: 0. */
    readonly exitCodes?: Partial<Record<"preview" | "preview --json" | "up", number>>;
}

/** One run of the stand-in: its arguments and working directory, and the policy-pack config file it was given. */
export interface FakePulumiCall {
    readonly args: string[];
    readonly cwd: string;
    /** The JSON of the file named by --policy-pack-config, read when the CLI ran. */
    readonly policyPackConfig?: unknown;
    /** The JSON of the file named by --plan (pulumi up), read when the CLI ran. */
    readonly plan?: unknown;
    /** PULUMI_BACKEND_URL in its environment. */
    readonly backendUrl?: string;
}

/**
 * A `pulumi` executable on PATH that records every run (arguments, working directory, the policy-pack config
 * file and the update plan as they were then, PULUMI_BACKEND_URL), and answers:
 * - `pulumi stack export --stack <s>` with what `stateOf(s)` gave, `pulumi stack output --json --stack <s>` with
 *   what `outputsOf(s)` gave, failing like the CLI for other stacks (`<s>` may be `org/project/stack`), or as
 *   `failsToRead(s)` says;
 * - `pulumi preview --json` with the preview `previewOf(s)` gave (a digest without steps otherwise), writing a
 *   plan file for `--save-plan <file>`;
 * - `pulumi stack --show-name` with the selected stack (failing like the CLI when none is);
 * - `pulumi version` and `pulumi whoami` as told, and ends `pulumi preview|up` with the chosen exit code.
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
            "const valueOf = (flag) => { const at = args.indexOf(flag); return at === -1 ? undefined : args[at + 1]; };",
            "const jsonOf = (file) => file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, \"utf8\")) : undefined;",
            "const configFile = valueOf(\"--policy-pack-config\");",
            "const planFile = valueOf(\"--plan\");",
            "fs.appendFileSync(path.join(__dirname, \"calls.jsonl\"), JSON.stringify({ args, cwd: process.cwd(),",
            "    policyPackConfig: jsonOf(configFile && path.resolve(configFile)), plan: jsonOf(planFile && path.resolve(planFile)),",
            "    backendUrl: process.env.PULUMI_BACKEND_URL }) + \"\\n\");",
            "const stack = valueOf(\"--stack\");",
            `const fileOf = (prefix) => path.join(__dirname, \`\${prefix}-\${String(stack).replace(/\\//g, "+")}\`);`,
            "const answer = (prefix) => {",
            "    if (fs.existsSync(fileOf(\"fails\"))) { process.stderr.write(fs.readFileSync(fileOf(\"fails\"))); process.exit(255); }",
            "    if (fs.existsSync(fileOf(prefix))) { process.stdout.write(fs.readFileSync(fileOf(prefix))); process.exit(0); }",
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
            "        answer(args[1] === \"export\" ? \"export\" : \"output\"); break;",
            "    default:",
            "        const json = args[0] === \"preview\" && args.includes(\"--json\");",
            "        if (json) {",
            "            const savePlan = valueOf(\"--save-plan\");",
            "            if (savePlan) fs.writeFileSync(savePlan, JSON.stringify({ planOf: stack }));",
            "            process.stdout.write(fs.existsSync(fileOf(\"preview\")) ? fs.readFileSync(fileOf(\"preview\")) : JSON.stringify({ steps: [] }));",
            "        } else {",
            "            console.log(`${args[0]} of stack ${stack}: done`);",
            "        }",
            "        process.exit(behaviour.exitCodes?.[json ? \"preview --json\" : args[0]] ?? 0);",
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

    private answerFile(prefix: string, stack: string): string {
        return path.join(this.dir, `${prefix}-${stack.replace(/\//g, "+")}`);
    }

    stateOf(stack: string, exported: unknown): void {
        fs.writeFileSync(this.answerFile("export", stack), JSON.stringify(exported));
    }

    outputsOf(stack: string, outputs: Record<string, unknown>): void {
        fs.writeFileSync(this.answerFile("output", stack), JSON.stringify(outputs));
    }

    /** What `pulumi preview --json --stack <stack>` prints (pkg/display/json.go PreviewDigest). */
    previewOf(stack: string, digest: unknown): void {
        fs.writeFileSync(this.answerFile("preview", stack), JSON.stringify(digest));
    }

    /** `pulumi stack export|output --stack <stack>` fails with this on stderr (exit 255), as on a backend error. */
    failsToRead(stack: string, stderr: string): void {
        fs.writeFileSync(this.answerFile("fails", stack), stderr);
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
