import * as path from "path";
import type { PostAuthenticationEvent } from "../../../lambda/group-memberships";
import type { PreSignUpEvent } from "../../../lambda/sign-up-guard";
import type { UserMigrationEvent } from "../../../lambda/user-migration";
import { Invocation, LocalFunction, startLambdaEndpoint } from "../../../sandbox/lambda-endpoint";

/** The compiled handler, exactly the file the program packages as the function's code. */
const compiledHandler = path.join(__dirname, "..", "..", "..", "bin", "lambda", "user-migration.js");

/** An event of either trigger the function serves. */
export type TriggerEvent = (UserMigrationEvent | PreSignUpEvent | PostAuthenticationEvent) & { readonly userPoolId: string };

export type { Invocation };

export interface LambdaInvokeEndpoint {
    readonly url: string;
    readonly invocations: Invocation[];
    /** The function's environment for the triggers of one (new) pool, as the program sets it. */
    configure(userPoolId: string, environment: Record<string, string>): void;
    /** The environment configured for a pool (for a handler run in a process of its own). */
    environmentOf(userPoolId: string): Record<string, string>;
    /** Invokes the function as Lambda would for Cognito, without Cognito (for triggers cognito-local never sends). */
    invoke(event: TriggerEvent): Promise<Invocation>;
    stop(): Promise<void>;
}

/**
 * The sandbox's local Lambda Invoke endpoint (sandbox/lambda-endpoint.ts) running the compiled user-migration
 * handler for every call, with the environment configured for the calling pool, but calls of the user's own
 * functions (`userFunctions`, by the name or ARN invoked); its AWS SDK goes wherever the process's environment points it.
 */
export async function startLambdaInvokeEndpoint(userFunctions: Readonly<Record<string, LocalFunction["handler"]>> = {}): Promise<LambdaInvokeEndpoint> {
    // A new function instance: its modules (and the SDK client they make for the endpoint of the time) load afresh.
    for (const loaded of Object.keys(require.cache).filter((file) => file.startsWith(path.dirname(compiledHandler)))) {
        delete require.cache[loaded];
    }
    const environments = new Map<string, Record<string, string>>();
    const userMigration = (userPoolId: string): LocalFunction => ({
        name: "user-migration",
        handler: (event) => (require(compiledHandler) as typeof import("../../../lambda/user-migration")).handler(event),
        environment: environments.get(userPoolId) ?? {},
    });
    const endpoint = await startLambdaEndpoint({
        route: (name, event) => userFunctions[name] === undefined ? userMigration(event.userPoolId) : { name, handler: userFunctions[name], environment: {} },
    });
    return {
        url: endpoint.url,
        invocations: endpoint.invocations,
        configure: (userPoolId, environment) => environments.set(userPoolId, environment),
        environmentOf: (userPoolId) => environments.get(userPoolId) ?? {},
        invoke: (event) => endpoint.invoke(userMigration(event.userPoolId), event),
        stop: endpoint.stop,
    };
}
