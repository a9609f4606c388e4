import * as path from "path";
import { chainedTriggerVariables } from "../lambda/migration-settings";
import type { RegisteredResource } from "../offline/evaluate";
import type { FunctionRoute, LocalFunction } from "./lambda-endpoint";
import { createdTypes, IdMap } from "./registered";

const functionType = "aws:lambda/function:Function";

/**
 * The pool's triggers (lambdaConfig inputs) the sandbox runs, by the name cognito-local 5.3.0's TriggerFunctions
 * setting takes (lib/services/triggers): those whose call, answered with the event unchanged, does what Cognito does
 * without the trigger (lambda-endpoint.ts), so that cognito-local can be told of them all before the program has
 * said which it has. The others are listed as not emulated.
 */
const emulatedTriggers: Readonly<Record<string, string>> = {
    userMigration: "UserMigration",
    postAuthentication: "PostAuthentication",
    preSignUp: "PreSignUp",
    postConfirmation: "PostConfirmation",
    preTokenGeneration: "PreTokenGeneration",
};

/** A pool's trigger: the lambdaConfig input, and the function ARN it names. */
interface Trigger {
    readonly poolOfflineId: string;
    readonly input: string;
    readonly functionArn: string;
}

function triggersOf(resources: readonly RegisteredResource[]): Trigger[] {
    return resources.filter((resource) => resource.type === createdTypes.userPool && resource.id !== undefined)
        .flatMap((pool) => Object.entries(pool.inputs.lambdaConfig ?? {})
            .filter(([, arn]) => typeof arn === "string" && arn.startsWith("arn:aws:lambda:"))
            .map(([input, arn]) => ({ poolOfflineId: pool.id!, input, functionArn: arn as string })));
}

/** The lambdaConfig inputs of the stack's pools that cognito-local never calls, as `pool name: input`. */
export function triggersNotEmulated(resources: readonly RegisteredResource[]): string[] {
    return resources.filter((resource) => resource.type === createdTypes.userPool)
        .flatMap((pool) => Object.keys(pool.inputs.lambdaConfig ?? {}).filter((input) => emulatedTriggers[input] === undefined)
            .map((input) => `${pool.inputs.name}: lambdaConfig.${input}`));
}

/** The user's own functions (triggers), which are not the stack's to run: named by ARN, as `pool name: input: ARN`. */
export function usersFunctionsNotRun(resources: readonly RegisteredResource[]): string[] {
    const registered = new Set(resources.filter((resource) => resource.type === functionType).map((resource) => resource.id));
    const chained = resources.filter((resource) => resource.type === functionType)
        .flatMap((fn) => Object.entries(chainedTriggerVariables).flatMap(([trigger, variable]) => {
            const arn = fn.inputs.environment?.variables?.[variable];
            return typeof arn === "string" ? [`${fn.inputs.name}: chained ${trigger}: ${arn}`] : [];
        }));
    return [
        ...triggersOf(resources).filter((trigger) => !registered.has(trigger.functionArn.split(":").pop()))
            .map((trigger) => `${resources.find((pool) => pool.id === trigger.poolOfflineId)?.inputs.name}: lambdaConfig.${trigger.input}: ${trigger.functionArn}`),
        ...chained,
    ];
}

/** cognito-local's TriggerFunctions: every trigger the sandbox runs, named after itself (the route tells the pools apart). */
export const triggerFunctionsSetting: Readonly<Record<string, string>> =
    Object.fromEntries(Object.values(emulatedTriggers).map((name) => [name, name]));

/**
 * Loads the handler of a registered function from its code archive: `handler` is `<file in the archive, without
 * .js>.<export>` (lambda-nodejs-handler.html); the archive's file assets are the compiled files in bin/. Each
 * function gets modules of its own, as each Lambda function has its own runtime: what its modules keep (an SDK
 * client that has resolved its endpoint) is not shared with another sandbox or a test in this process.
 */
async function loadHandler(inputs: Record<string, any>): Promise<(event: unknown) => Promise<unknown>> {
    const handler = String(inputs.handler);
    const dot = handler.lastIndexOf(".");
    const [file, exported] = [`${handler.slice(0, dot)}.js`, handler.slice(dot + 1)];
    const assets = await inputs.code?.assets as Record<string, { path: Promise<string> | string }> | undefined;
    if (assets?.[file] === undefined) {
        throw new Error(`the function's code has no ${file} (handler ${handler})`);
    }
    const files = await Promise.all(Object.values(assets).map(async (asset) => path.resolve(await asset.path)));
    const shared = new Map(files.map((loaded) => [loaded, require.cache[loaded]]));
    files.forEach((loaded) => delete require.cache[loaded]);
    try {
        return require(path.resolve(await assets[file].path))[exported];
    } finally {
        for (const [loaded, module] of shared) {
            if (module === undefined) {
                delete require.cache[loaded];
            } else {
                require.cache[loaded] = module;
            }
        }
    }
}

/**
 * The functions the pools' emulated triggers name, each with its handler and its environment (local ids in place
 * of the offline ones, the AWS SDK pointed at cognito-local as Lambda points it at Cognito), and the route from a
 * trigger's call to the function the calling pool names.
 */
export async function localFunctions(resources: readonly RegisteredResource[], ids: IdMap, awsEnvironment: Record<string, string>): Promise<FunctionRoute> {
    const functions = new Map<string, LocalFunction>();
    for (const resource of resources.filter((r) => r.type === functionType && r.id !== undefined)) {
        functions.set(resource.id!, {
            name: resource.id!,
            handler: await loadHandler(resource.inputs),
            // The user's own functions the migration function chains are not run locally (usersFunctionsNotRun).
            environment: { ...awsEnvironment, ...withoutChained(ids.apply(resource.inputs.environment?.variables ?? {})) },
        });
    }
    const wired = new Map(triggersOf(resources).filter((trigger) => emulatedTriggers[trigger.input] !== undefined)
        .map((trigger) => [`${ids.apply(trigger.poolOfflineId)} ${emulatedTriggers[trigger.input]}`,
            functions.get(trigger.functionArn.split(":").pop()!)]));
    return (functionName, event) => wired.get(`${event.userPoolId} ${functionName}`);
}

function withoutChained(variables: Record<string, string>): Record<string, string> {
    const chained: readonly string[] = Object.values(chainedTriggerVariables);
    return Object.fromEntries(Object.entries(variables).filter(([name]) => !chained.includes(name)));
}
