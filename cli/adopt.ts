import * as fs from "fs";
import { Adoption, adoptionOf, isClean } from "../aws/adopt";
import { adoptedStackFile, describeGaps } from "../aws/adopted-stack-file";
import { editFileLocked } from "./atomic-write";
import { isReadFailure } from "./read-failures";
import { LivePool, readPoolById } from "../aws/read-pool";
import { readProjectName } from "../aws/urns";
import { stackFilePath } from "../stack-files/reader";
import { InputFileError, optionsCommand, runAsProcess } from "./command";
import { stackOptionSpec, stackToUse } from "./stack-option";

export const adoptUsage = `usage: npm run adopt -- [--stack <name>] --pool-id <id> [--region <region>] [--force]

Writes Pulumi.<stack>.yaml reproducing a live user pool (made in the console, say), its app clients and its
SES sender in the config model, with the import ids, so that \`pulumi up --stack <name>\` adopts them without
replacing anything. Reads AWS with the standard credential chain (AWS_ENDPOINT_URL honoured). Region:
--region, else the pool id's, else the chain's. An existing stack file is kept unless --force.
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
Exit code: 0 written, reproducing the pool exactly; 1 written, but some live settings cannot be expressed
(listed, and in the file's header); 2 bad usage, an existing stack file, or AWS failed.`;

const options = {
    stack: stackOptionSpec,
    "pool-id": { type: "string", required: true },
    region: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean" },
} as const;

export const main = optionsCommand(adoptUsage, options, async (args, io) => {
    const stack = await stackToUse(args.stack, io.projectDir);
    const project = readProjectName(io.projectDir);
    const stackFile = stackFilePath(io.projectDir, stack);
    const refuseExisting = () => new InputFileError(`${stackFile} exists: pass --force to replace it`);
    if (fs.existsSync(stackFile) && !args.force) {
        throw refuseExisting();
    }
    let live: LivePool;
    try {
        live = await readPoolById(args["pool-id"], args.region);
    } catch (error) {
        if (isReadFailure(error)) {
            io.stderr(`error: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
    const adoption = adoptionOf(live, { project, stack });
    await editFileLocked(stackFile, async (locked) => {
        // Checked again under the lock: another command may have written the file while AWS was read.
        if (locked.text !== undefined && !args.force) {
            throw refuseExisting();
        }
        locked.write(adoptedStackFile({ adoption, poolId: args["pool-id"], region: live.region, capturedAt: new Date() }));
    });
    io.stdout(report(stackFile, live, adoption));
    return isClean(adoption) ? 0 : 1;
});

function report(stackFile: string, live: LivePool, adoption: Adoption): string {
    const clients = live.clients.map((client) => `${client.ClientName} (${client.ClientSecret ? "confidential" : "public"})`);
    const lines = [
        `wrote ${stackFile}: user pool ${live.pool.Name} (${live.pool.Id}) in ${live.region}, ` +
            `app clients: ${clients.join(", ") || "none"}` +
            (live.senderIdentity ? `, SES sender ${live.senderIdentity.name}` : "") + "\n",
        ...adoption.notes.map((note) => `note: ${note.setting}: ${note.note}\n`),
    ];
    const gaps = describeGaps(adoption);
    if (gaps.length > 0) {
        lines.push("NOT REPRODUCED: the config model cannot express these live settings; `pulumi up` would change them:\n",
            ...gaps.map((gap) => `  - ${gap}\n`));
    } else {
        lines.push("The program with this config sends exactly the live settings: `pulumi up` imports with no replacement and no diff.\n");
    }
    return lines.join("");
}

if (require.main === module) {
    runAsProcess(main);
}
