import * as fs from "fs";
import { awsClients, closeClients, regionOfPoolId } from "../aws/clients";
import { importCsv, MigrationPools, MigrationStatus, readMigrationStatus } from "../aws/migration-status";
import { writeFileLocked } from "./atomic-write";
import { InputFileError, optionsCommand, runAsProcess } from "./command";
import { declaredSuccessor, exportedMigration, usersRemainOkFlag, usersRemainRefusal } from "./finish-guard";
import { isReadFailure } from "./read-failures";
import { readStackOutputs } from "./stack-state";
import { stackOptionSpec, stackToUse } from "./stack-option";
import { counted } from "../config/rules/problems";

export const migrationUsage = `usage: npm run migration -- [--stack <name>] [--region <region>] [--outputs <file>] [--csv <file>] [--finish [--users-remain-ok]]

Reads both pools of the stack's migration to its successor pool (the stack's \`migration\` output, from
\`pulumi stack output\`) with the AWS SDK: the users each holds and how many of the current pool's are left to
migrate, and the groups of the current pool the new one lacks. --csv writes those users as the CSV a Cognito
user import job takes (header from GetCSVHeader of the new pool). --finish checks that the finish phase may be
set: it refuses while users remain, unless --users-remain-ok (npm run up makes the same check). Reads AWS with
the standard credential chain (AWS_ENDPOINT_URL honoured). --outputs: the stack's outputs from a file in the
form \`pulumi stack output --json\` prints, instead of the Pulumi CLI (npm run sandbox writes .sandbox/<stack>/outputs.json).
--stack, -s: the stack; default: the one selected with \`pulumi stack select\`.
Exit code: 0 done; 1 --finish refused; 2 bad usage, no successor, or AWS or the Pulumi CLI failed.`;

const options = {
    stack: stackOptionSpec,
    region: { type: "string" },
    outputs: { type: "string" },
    csv: { type: "string" },
    finish: { type: "boolean" },
    "users-remain-ok": { type: "boolean" },
    help: { type: "boolean" },
} as const;

/** The two pools the stack exports under `migration`, or why there are none. */
function migrationPools(stack: string, outputs: Record<string, unknown>): MigrationPools {
    const pools = exportedMigration(outputs);
    if (pools === undefined) {
        throw new InputFileError(`stack ${stack} exports no migration: declare cognito-user-pool:successor in Pulumi.${stack}.yaml and run \`npm run up\``);
    }
    return pools;
}

function statusText(stack: string, pools: MigrationPools, status: MigrationStatus): string {
    return [
        `Migration of stack ${stack} to its successor pool, phase ${pools.phase}`,
        `  current pool ${pools.fromPoolId}: ${counted(status.currentPoolUsers, "user")}` +
            (status.federatedUsers > 0 ? ` (${status.federatedUsers} federated: they do not migrate)` : ""),
        `  new pool ${pools.toPoolId}: ${counted(status.newPoolUsers, "user")}, ${status.migratedUsers} of them migrated`,
        `  left to migrate: ${status.remaining.length}`,
        ...(status.missingGroups.length > 0
            ? [`  groups of the current pool the new pool lacks: ${status.missingGroups.join(", ")} (create them in ${pools.toPoolId}, ` +
                "with their precedence and IAM role, or their memberships do not move)"]
            : []),
        "",
    ].join("\n");
}

/** A file of stack outputs, as `pulumi stack output --json` prints them. */
function readOutputsFile(file: string): Record<string, unknown> {
    const expected = "expected the stack's outputs as `pulumi stack output --json` prints them";
    let outputs: unknown;
    try {
        outputs = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
        throw new InputFileError(`--outputs ${file}: ${reason}: ${expected}`);
    }
    if (outputs === null || typeof outputs !== "object" || Array.isArray(outputs)) {
        throw new InputFileError(`--outputs ${file}: ${expected} (a JSON object)`);
    }
    return outputs as Record<string, unknown>;
}

export const main = optionsCommand(migrationUsage, options, async (args, io) => {
    const stack = await stackToUse(args.stack, io.projectDir);
    const successor = declaredSuccessor(io.projectDir, stack);
    if (successor === undefined) {
        throw new InputFileError(`stack ${stack} declares no successor pool (cognito-user-pool:successor in Pulumi.${stack}.yaml)`);
    }
    try {
        const outputs = args.outputs === undefined ? await readStackOutputs(stack) : readOutputsFile(args.outputs);
        const pools = migrationPools(stack, outputs);
        const clients = await awsClients(args.region ?? regionOfPoolId(pools.fromPoolId));
        try {
            const status = await readMigrationStatus(clients.cognito, pools, clients.region);
            io.stdout(statusText(stack, pools, status));
            if (args.csv !== undefined) {
                const [signIn] = successor.userPool.signIn.with;
                const usernameAttribute = successor.userPool.signIn.with.includes("username") ? undefined
                    : signIn === "phone" ? "phone_number" : "email";
                await writeFileLocked(args.csv, await importCsv(clients.cognito, pools.toPoolId, status.remaining, clients.region, usernameAttribute));
                io.stdout(`wrote ${args.csv}: ${counted(status.remaining.length, "user")} for a user import job into ${pools.toPoolId}\n`);
            }
            if (args.finish && status.remaining.length > 0 && !args["users-remain-ok"]) {
                io.stderr(`refused: ${usersRemainRefusal(stack, status)}\n`);
                return 1;
            }
            if (args.finish) {
                io.stdout(`ready: set cognito-user-pool:successor.phase to finish in Pulumi.${stack}.yaml and run \`npm run up -- --stack ${stack}\`` +
                    `${status.remaining.length > 0 ? ` ${usersRemainOkFlag}` : ""}\n`);
            }
            return 0;
        } finally {
            closeClients(clients);
        }
    } catch (error) {
        if (isReadFailure(error)) {
            io.stderr(`error: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
});

if (require.main === module) {
    runAsProcess(main);
}
