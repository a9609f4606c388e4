import * as path from "path";
import { configurationReference, referenceMarkers, referencePage, withReference } from "../config";
import { editFileLocked } from "./atomic-write";
import { CommandIO, ExitCode, runAsProcess } from "./command";

/** `npm run docs`: writes the configuration reference (docs/configuration.md) from the settings catalogue. */
export async function main(_argv: readonly string[], io: CommandIO): Promise<ExitCode> {
    const file = path.join(io.projectDir, referencePage);
    return editFileLocked(file, async ({ text, write }) => {
        const written = withReference(text ?? "", configurationReference());
        if (written === undefined) {
            io.stderr(`error: ${file} has no configuration reference to replace (the line ${referenceMarkers.begin})\n`);
            return 2;
        }
        if (written !== text) {
            write(written);
            io.stdout(`${referencePage}: configuration reference written\n`);
        }
        return 0;
    });
}

if (require.main === module) {
    runAsProcess(main);
}
