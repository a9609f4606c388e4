import * as path from "path";
import { allPolicies, policyReference } from "cognito-user-pool-policies";
import { configurationReference, referenceMarkers, referencePage, withReference } from "../config";
import { editFileLocked } from "./atomic-write";
import { CommandIO, ExitCode, runAsProcess } from "./command";

/** The policy page, from the pack's table of fixed inputs and its policies. */
export const policiesPage = "docs/policies.md";

/**
 * `npm run docs`: writes the configuration reference (docs/configuration.md) from the settings catalogue, and
 * docs/policies.md from the policy pack.
 */
export async function main(_argv: readonly string[], io: CommandIO): Promise<ExitCode> {
    const file = path.join(io.projectDir, referencePage);
    const reference = await editFileLocked(file, async ({ text, write }): Promise<ExitCode> => {
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
    if (reference !== 0) return reference;
    return editFileLocked(path.join(io.projectDir, policiesPage), async ({ text, write }): Promise<ExitCode> => {
        const written = policyReference(allPolicies);
        if (written !== text) {
            write(written);
            io.stdout(`${policiesPage}: written\n`);
        }
        return 0;
    });
}

if (require.main === module) {
    runAsProcess(main);
}
