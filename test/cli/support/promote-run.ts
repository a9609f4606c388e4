import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../../cli/promote";
import { capturingIO, ProjectCopy } from "./project-copy";

/** `npm run promote` with these arguments in a project copy, in process. */
export async function promote(project: ProjectCopy, ...argv: string[]) {
    const io = capturingIO(project.dir);
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
}

/** Every file of the project copy and its bytes, to prove a command touched nothing. */
export function snapshot(project: ProjectCopy): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(project.dir).sort().map((file) => [file, fs.readFileSync(path.join(project.dir, file), "utf8")]));
}

/** A case of bad usage or input: what it is, the arguments (after any edit of the copy), the message on stderr. */
export type BadInputCase = readonly [string, (project: ProjectCopy) => string[], RegExp];

/** One spec per case: exit 2, nothing on stdout, the message on stderr, no file of the copy touched. */
export function itRefusesEach(cases: readonly BadInputCase[], project: () => ProjectCopy): void {
    for (const [what, argv, message] of cases) {
        it(what, async () => {
            const args = argv(project());
            const before = snapshot(project());
            const { code, out, err } = await promote(project(), ...args);
            assert.strictEqual(code, 2);
            assert.strictEqual(out, "");
            assert.match(err, message);
            assert.deepStrictEqual(snapshot(project()), before);
        });
    }
}
