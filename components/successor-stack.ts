import { isDeepStrictEqual } from "util";
import type { StackSettings, SuccessorSettings } from "../config";
import type { DeployScope } from "./deploy-scope";
import { frontendClient, PoolResources, stackOutputs, warnOfFrontendConfig } from "./outputs";
import type { SignInBackend } from "./sign-in-backend";
import { SuccessorPool } from "./successor-pool";

/** The outputs a front end or an operator needs of one of the two pools. */
function poolOutputs(outputs: ReturnType<typeof stackOutputs>) {
    const { userPoolId, userPoolArn, domain, clients, frontendConfig, amplifyConfig } = outputs;
    return { userPoolId, userPoolArn, domain, clients, frontendConfig, amplifyConfig };
}

/**
 * Builds the successor beside the current pool's backend and returns the stack's outputs: those of the
 * primary pool (the current one side by side, the new one from the cutover on) and, under `migration`, the
 * phase and both pools'.
 */
export function successorStack(backend: SignInBackend, settings: StackSettings, successor: SuccessorSettings, scope: DeployScope,
    secretKeys: readonly string[] = []) {
    const successorPool = new SuccessorPool("successor", {
        current: { settings, userPool: backend.userPool },
        successor,
        ses: backend.ses,
        protect: settings.protect,
        scope,
        secretKeys,
    });
    const newPool: PoolResources = {
        userPool: successorPool.userPool, clients: successorPool.clients, ses: backend.ses, domain: successorPool.domain,
    };
    // A successor that inherits the clients has the current pool's front end, warned of at `clients` already.
    if (!isDeepStrictEqual(frontendClient(successor.clients), frontendClient(settings.clients))) {
        warnOfFrontendConfig(newPool, successor.clients, ["successor", "clients"]);
    }
    const current = stackOutputs(backend, settings);
    const next = stackOutputs(newPool, successor);
    return {
        ...(successor.phase === "side-by-side" ? current : next),
        migration: { phase: successor.phase, from: poolOutputs(current), to: poolOutputs(next) },
    };
}
