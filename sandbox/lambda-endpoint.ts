import * as http from "http";
import { AddressInfo } from "net";

/** A Lambda event of a Cognito trigger, as cognito-local sends it (lib/services/lambda.js createLambdaEvent). */
export interface TriggerEvent {
    readonly triggerSource: string;
    readonly userPoolId: string;
    readonly userName?: string;
    readonly request?: object;
    readonly response?: object;
}

/** A function the endpoint runs in this process: its handler and the environment Lambda would give it. */
export interface LocalFunction {
    readonly name: string;
    readonly handler: (event: any) => Promise<any>;
    readonly environment: Readonly<Record<string, string>>;
}

/** One invocation: the event Cognito sent and the handler's own answer (or its error). */
export interface Invocation {
    readonly functionName: string;
    readonly event: TriggerEvent;
    readonly answer?: Record<string, any>;
    readonly error?: string;
    readonly milliseconds: number;
    /** What the handler wrote with console.log / console.error (CloudWatch Logs in Lambda), a line each. */
    readonly logs: string[];
}

/** Which function serves a call to `functionName` with this event; undefined: none is wired. */
export type FunctionRoute = (functionName: string, event: TriggerEvent) => LocalFunction | undefined;

export interface LambdaEndpointOptions {
    readonly route: FunctionRoute;
    /** Told of each invocation of a function once it is answered (not of calls no function is wired to). Default: nothing. */
    readonly onInvocation?: (invocation: Invocation) => void;
}

export interface LambdaEndpoint {
    readonly url: string;
    /** The invocations of functions (calls no function is wired to are answered, not recorded). */
    readonly invocations: Invocation[];
    /** Runs a function as Lambda would for Cognito, without Cognito (for triggers cognito-local never sends). */
    invoke(fn: LocalFunction, event: TriggerEvent): Promise<Invocation>;
    stop(): Promise<void>;
}

/**
 * A local stand-in for the Lambda Invoke API (POST /2015-03-31/functions/<name>/invocations) on 127.0.0.1 that
 * runs handlers in this process with their function's environment set while they run. A thrown error is answered
 * as Lambda answers a function error: status 200, X-Amz-Function-Error: Unhandled, {errorMessage, errorType}.
 *
 * One gap of cognito-local 5.3.0 is bridged here, and only on the way back to it: it names a migrated user after
 * `userAttributes.username` of a UserMigration answer, else a random UUID (services/triggers/userMigration.js),
 * where Cognito keeps the user name the user signed in with. The answer recorded is the handler's own;
 * cognito-local gets it with `username` set to the event's userName.
 */
export async function startLambdaEndpoint(options: LambdaEndpointOptions): Promise<LambdaEndpoint> {
    const invocations: Invocation[] = [];
    const run = async (fn: LocalFunction, event: TriggerEvent): Promise<Invocation> => {
        const restore = setEnvironment(fn.environment);
        const logs: string[] = [];
        const { log, error: logError } = console;
        console.log = console.error = (...line: unknown[]) => logs.push(line.map(String).join(" "));
        const started = Date.now();
        try {
            const answered = await fn.handler(structuredClone(event));
            return { functionName: fn.name, event, answer: answered.response, milliseconds: Date.now() - started, logs };
        } catch (error) {
            return { functionName: fn.name, event, error: (error as Error).message, milliseconds: Date.now() - started, logs };
        } finally {
            Object.assign(console, { log, error: logError });
            restore();
        }
    };
    const server = http.createServer(async (request, response) => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) {
            chunks.push(chunk as Buffer);
        }
        const functionName = decodeURIComponent(/\/functions\/([^/]+)\/invocations/.exec(request.url ?? "")?.[1] ?? "");
        const event = JSON.parse(Buffer.concat(chunks).toString("utf8")) as TriggerEvent;
        const fn = options.route(functionName, event);
        const invocation = fn === undefined ? unwired(functionName, event) : await run(fn, event);
        if (fn !== undefined) {
            invocations.push(invocation);
            options.onInvocation?.(invocation);
        }
        if (invocation.error !== undefined) {
            response.writeHead(200, { "content-type": "application/json", "x-amz-function-error": "Unhandled" });
            return response.end(JSON.stringify({ errorMessage: invocation.error, errorType: "Error" }));
        }
        const answer: Record<string, any> = invocation.answer ?? {};
        const forCognitoLocal = event.triggerSource.startsWith("UserMigration_")
            ? { ...answer, userAttributes: { ...answer.userAttributes, username: event.userName } }
            : answer;
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ ...event, response: forCognitoLocal }));
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        invocations,
        invoke: run,
        stop: () => new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
        }),
    };
}

/**
 * cognito-local calls a trigger for every pool once any pool has it (TriggerFunctions is server-wide): a pool
 * that has none gets what Cognito does without one. No UserMigration: the unknown user is refused (a function
 * error, which cognito-local answers with NotAuthorizedException); any other trigger: the event unchanged.
 */
function unwired(functionName: string, event: TriggerEvent): Invocation {
    const error = event.triggerSource.startsWith("UserMigration_") ? `pool ${event.userPoolId} has no UserMigration trigger` : undefined;
    return { functionName, event, answer: error ? undefined : event.response as Record<string, any>, error, milliseconds: 0, logs: [] };
}

/** Sets (or, for undefined, removes) environment variables; returns the undo. */
export function setEnvironment(settings: Readonly<Record<string, string | undefined>>): () => void {
    const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
    const apply = (values: Record<string, string | undefined>) => {
        for (const [name, value] of Object.entries(values)) {
            if (value === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = value;
            }
        }
    };
    apply(settings);
    return () => apply(previous);
}
