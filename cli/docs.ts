import * as fs from "fs";
import * as path from "path";
import { allPolicies, policyReference } from "cognito-user-pool-policies";
import { configurationReference, referenceMarkers, withReference } from "../config";
import { editFileLocked } from "./atomic-write";
import { CommandIO, ExitCode, runAsProcess } from "./command";

/** The policy page, from the pack's table of fixed inputs and its policies. */
export const policiesPage = "docs/policies.md";

/**
 * `npm run docs`: writes the README's configuration reference from the settings catalogue, and docs/policies.md
 * from the policy pack.
 */
export async function main(_argv: readonly string[], io: CommandIO): Promise<ExitCode> {
    const file = path.join(io.projectDir, "README.md");
    const readme = await editFileLocked(file, async ({ text, write }): Promise<ExitCode> => {
        const written = withReference(text ?? "", configurationReference());
        if (written === undefined) {
            io.stderr(`error: ${file} has no configuration reference to replace (the line ${referenceMarkers.begin})\n`);
            return 2;
        }
        if (written !== text) {
            write(written);
            io.stdout("README.md: configuration reference written\n");
        }
        return 0;
    });
    if (readme !== 0) return readme;
    const policies = path.join(io.projectDir, policiesPage);
    fs.mkdirSync(path.dirname(policies), { recursive: true });
    return editFileLocked(policies, async ({ text, write }): Promise<ExitCode> => {
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
