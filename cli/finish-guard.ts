import * as fs from "fs";
import type { Baseline } from "cognito-user-pool-policies";
import { awsClients, closeClients, regionOfPoolId } from "../aws/clients";
import { MigrationPools, MigrationStatus, readMigrationStatus } from "../aws/migration-status";
import { migrationClientUrn, readProjectName } from "../aws/urns";
import type { SuccessorSettings } from "../config";
import { parseStackConfig } from "../config/settings";
import { readStackConfig, stackFilePath } from "../stack-files/reader";
import { readStackOutputs } from "./stack-state";

/*
 * The migration to a successor pool as the stack file declares it and as the stack has deployed it; the check
 * that keeps the finish phase (which removes the trigger that moves users over) from leaving users of the
 * current pool behind; and the client that phase retires. Shared by `npm run migration`, `npm run up` and
 * `npm run baseline`.
 */

/** The flag that applies the finish phase although users of the current pool have not migrated. */
export const usersRemainOkFlag = "--users-remain-ok";

/** The successor the stack file declares (cognito-user-pool:successor), checked; undefined for none. */
export function declaredSuccessor(projectDir: string, stack: string): SuccessorSettings | undefined {
    const stackConfig = readStackConfig(projectDir, stack);
    return parseStackConfig(stackConfig.config, { project: stackConfig.project, stack }).successor;
}

/** Whether the stack file (if there is one: a stack may keep its config elsewhere) sets the finish phase. */
function declaresFinish(projectDir: string, stack: string): boolean {
    return fs.existsSync(stackFilePath(projectDir, stack)) && declaredSuccessor(projectDir, stack)?.phase === "finish";
}

/**
 * The clients the finish phase removes on purpose, for the policy config's retiredClients: the current pool's
 * migration client, when the stack file sets the finish phase and the baseline holds the client. Only then does
 * cognito-client-not-removed let it go, and no other client. (`npm run up` writes the baseline after its
 * finish check, so a client retired there has no user left to move.)
 */
export function clientsRetiredAtFinish(projectDir: string, stack: string, baseline: Baseline | undefined): string[] {
    const urn = migrationClientUrn(readProjectName(projectDir), stack);
    return baseline?.clients[urn] !== undefined && declaresFinish(projectDir, stack) ? [urn] : [];
}

/** The two pools and the phase the stack exports under `migration` (index.ts); undefined for none. */
export function exportedMigration(outputs: Record<string, unknown>): MigrationPools | undefined {
    const migration = outputs.migration as { phase?: string; from?: { userPoolId?: string }; to?: { userPoolId?: string } } | undefined;
    if (!migration?.from?.userPoolId || !migration.to?.userPoolId || !migration.phase) {
        return undefined;
    }
    return { phase: migration.phase, fromPoolId: migration.from.userPoolId, toPoolId: migration.to.userPoolId };
}

/** Why the finish phase may not be applied yet with users left; the same words for both commands. */
export function usersRemainRefusal(stack: string, status: MigrationStatus): string {
    const count = status.remaining.length;
    return `${count} ${count === 1 ? "user of the current pool has" : "users of the current pool have"} not migrated; the finish phase removes the trigger ` +
        `that would move them. Import them (npm run migration -- --stack ${stack} --csv <file>), or pass ${usersRemainOkFlag} to go ahead.`;
}

/**
 * Why `npm run up` must not apply the stack, or undefined: it is refused when the stack file sets the finish
 * phase, the stack has not deployed it yet, and the current pool still has users to migrate (read with the AWS
 * SDK, as `npm run migration` reads them), or the stack never deployed its successor at all.
 */
export async function finishRefusal(projectDir: string, stack: string): Promise<string | undefined> {
    if (!declaresFinish(projectDir, stack)) {
        return undefined;
    }
    const deployed = exportedMigration(await readStackOutputs(stack));
    if (deployed === undefined) {
        return `stack ${stack} has not deployed its successor pool: the finish phase would build it without the trigger, ` +
            `so no user of the current pool could move over. Deploy phase side-by-side first, or pass ${usersRemainOkFlag} to go ahead.`;
    }
    if (deployed.phase === "finish") {
        return undefined; // finished before: the trigger is gone already
    }
    const clients = await awsClients(regionOfPoolId(deployed.fromPoolId));
    try {
        const status = await readMigrationStatus(clients.cognito, deployed, clients.region);
        return status.remaining.length > 0 ? usersRemainRefusal(stack, status) : undefined;
    } finally {
        closeClients(clients);
    }
}
