import * as fs from "fs";
import { listStacks, projectFilePath, stackFilePath } from "../stack-files/reader";
import { StackFileError } from "../stack-files/stack-file-error";
import { planSharedConfig, ProjectTexts, SharedConfigPlan, SharedConfigRefusal } from "../promotion/shared-config";
import { editFilesLocked, LockedFile } from "./atomic-write";
import type { CommandIO, ExitCode } from "./command";

function readText(file: string): string {
    try {
        return fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackFileError(`cannot read ${file}: ${(error as Error).message}`);
    }
}

/** What the files would get, one line per change, and the shared keys left in the stack files. Ends with a blank line. */
export function renderSharedConfigText(plan: SharedConfigPlan): string {
    const keyWidth = Math.max(0, ...plan.statedOnce.map(({ key }) => key.length));
    const lines = [
        ...plan.split.map(({ file, keys }) => `  ${file}: split into top-level keys (the earlier layout): ${keys.join(", ")}`),
        ...plan.statedOnce.map(({ key, droppedFrom }) =>
            `  Pulumi.yaml: ${key.padEnd(keyWidth)}  stated once (value:), dropped from ${droppedFrom.join(", ")}`),
    ];
    return [
        "State the shared settings once: what Pulumi.yaml and the stack files would get (no stack's config changes):",
        ...(lines.length > 0 ? lines : ["  nothing to change"]),
        ...(plan.differing.length > 0 ? [`Left in the stack files, not alike in every stack: ${plan.differing.join(", ")}`] : []),
        "",
        "",
    ].join("\n");
}

/** The files whose text would change, by name. */
function changedFiles(before: ProjectTexts, after: ProjectTexts): string[] {
    return [
        ...(before.project !== after.project ? ["Pulumi.yaml"] : []),
        ...Object.keys(before.stacks).sort().filter((stack) => before.stacks[stack] !== after.stacks[stack]).map((stack) => `Pulumi.${stack}.yaml`),
    ];
}

/**
 * `promote --shared [--write]`: Pulumi.yaml states once what every stack has alike, the stack files split from
 * the earlier layout first. With `write`, every file is read and written under its lock, all checked first.
 */
export async function promoteShared(io: CommandIO, write: boolean): Promise<ExitCode> {
    const stacks = listStacks(io.projectDir);
    const files = [projectFilePath(io.projectDir), ...stacks.map((stack) => stackFilePath(io.projectDir, stack))];
    const run = (texts: ProjectTexts, writeAll?: (after: ProjectTexts) => void): ExitCode => {
        let plan: SharedConfigPlan;
        try {
            plan = planSharedConfig(io.projectDir, texts);
        } catch (error) {
            if (error instanceof SharedConfigRefusal) {
                io.stderr(`Refused: no file ${writeAll ? "is" : "would be"} written, because\n  - ${error.message}\n`);
                return 1;
            }
            throw error;
        }
        io.stdout(renderSharedConfigText(plan));
        const changed = changedFiles(texts, plan.texts);
        if (changed.length === 0) {
            io.stdout("Nothing to change: every file is left as it is.\n");
        } else if (writeAll === undefined) {
            io.stdout(`Dry run: --write would rewrite ${changed.join(", ")}.\n`);
        } else {
            writeAll(plan.texts);
            io.stdout(`Wrote ${changed.join(", ")}.\n`);
        }
        return 0;
    };
    if (!write) {
        return run({ project: readText(files[0]), stacks: Object.fromEntries(stacks.map((stack, index) => [stack, readText(files[index + 1])])) });
    }
    return editFilesLocked(files, async (locked) => {
        const textOf = (file: LockedFile, name: string) => {
            if (file.text === undefined) {
                throw new StackFileError(`${name} is gone: it was removed while promote ran`);
            }
            return file.text;
        };
        const texts: ProjectTexts = {
            project: textOf(locked[0], files[0]),
            stacks: Object.fromEntries(stacks.map((stack, index) => [stack, textOf(locked[index + 1], files[index + 1])])),
        };
        return run(texts, (after) => {
            if (after.project !== texts.project) {
                locked[0].write(after.project);
            }
            stacks.forEach((stack, index) => {
                if (after.stacks[stack] !== texts.stacks[stack]) {
                    locked[index + 1].write(after.stacks[stack]);
                }
            });
        });
    });
}
