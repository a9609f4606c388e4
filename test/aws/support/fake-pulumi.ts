import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { setEnvironment } from "./local-aws";

/**
 * A `pulumi` executable on PATH that answers `pulumi stack export --stack <s>` with the file `export-<s>.json`
 * and `pulumi stack output --json --stack <s>` with `output-<s>.json`, and fails like the CLI for other stacks.
 */
export class FakePulumi {
    readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"));

    constructor() {
        fs.writeFileSync(path.join(this.dir, "pulumi"), [
            "#!/bin/sh",
            "case \"$1 $2\" in",
            `  "stack export") stack="$4"; file="${this.dir}/export-$4.json" ;;`,
            `  "stack output") stack="$5"; file="${this.dir}/output-$5.json" ;;`,
            "esac",
            "if [ -f \"$file\" ]; then exec cat \"$file\"; fi",
            "echo \"error: no stack named '$stack' found\" >&2",
            "exit 255",
            "",
        ].join("\n"), { mode: 0o755 });
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
