import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import type { PostAuthenticationEvent } from "../../../lambda/group-memberships";
import type { PreSignUpEvent } from "../../../lambda/sign-up-guard";
import type { UserMigrationEvent } from "../../../lambda/user-migration";
import { setEnvironment } from "../../aws/support/local-aws";

/** The compiled handler, exactly the file the program packages as the function's code. */
const compiledHandler = path.join(__dirname, "..", "..", "..", "bin", "lambda", "user-migration.js");

/** An event of either trigger the function serves. */
export type TriggerEvent = (UserMigrationEvent | PreSignUpEvent | PostAuthenticationEvent) & { readonly userPoolId: string };

/** One invocation: the event Cognito sent and the handler's own answer (or its error). */
export interface Invocation {
    readonly event: TriggerEvent;
    readonly answer?: TriggerEvent["response"];
    readonly error?: string;
    readonly milliseconds: number;
    /** What the handler wrote with console.log / console.error (CloudWatch Logs in Lambda), a line each. */
    readonly logs: string[];
}

export interface LambdaInvokeEndpoint {
    readonly url: string;
    readonly invocations: Invocation[];
    /** The function's environment for the triggers of one (new) pool, as the program sets it. */
    configure(userPoolId: string, environment: Record<string, string>): void;
    /** The environment configured for a pool (for a handler run in a process of its own). */
    environmentOf(userPoolId: string): Record<string, string>;
    /** Invokes the function as Lambda would for Cognito, without Cognito (for triggers cognito-local never sends). */
    invoke(event: Invocation["event"]): Promise<Invocation>;
    stop(): Promise<void>;
}

/**
 * A local stand-in for the Lambda Invoke API (POST /2015-03-31/functions/<name>/invocations) that runs the
 * compiled user-migration handler in this process, its AWS SDK pointed wherever the process's environment
 * points it. A thrown error is answered as Lambda answers a function error: status 200, X-Amz-Function-Error:
 * Unhandled, {errorMessage, errorType}.
 *
 * One gap of cognito-local 5.3.0 is bridged here, and only on the way back to it: it names a migrated user
 * after `userAttributes.username` of a UserMigration answer, else a random UUID (services/triggers/userMigration.js),
 * where Cognito keeps the user name the user signed in with. The answer recorded in `invocations` is the
 * handler's own; cognito-local gets it with `username` set to the event's userName.
 */
export async function startLambdaInvokeEndpoint(): Promise<LambdaInvokeEndpoint> {
    // A new function instance: its modules (and the SDK client they make for the endpoint of the time) load afresh.
    for (const loaded of Object.keys(require.cache).filter((file) => file.startsWith(path.dirname(compiledHandler)))) {
        delete require.cache[loaded];
    }
    const environments = new Map<string, Record<string, string>>();
    const invocations: Invocation[] = [];
    const run = async (event: Invocation["event"]): Promise<Invocation> => {
        const restore = setEnvironment(environments.get(event.userPoolId) ?? {});
        const logs: string[] = [];
        const { log, error: logError } = console;
        console.log = console.error = (line: string) => logs.push(line);
        const started = Date.now();
        try {
            const { handler } = require(compiledHandler) as typeof import("../../../lambda/user-migration");
            const answered = await handler<TriggerEvent>(structuredClone(event));
            return { event, answer: answered.response, milliseconds: Date.now() - started, logs };
        } catch (error) {
            return { event, error: (error as Error).message, milliseconds: Date.now() - started, logs };
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
        const invocation = await run(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        invocations.push(invocation);
        if (invocation.error !== undefined) {
            response.writeHead(200, { "content-type": "application/json", "x-amz-function-error": "Unhandled" });
            return response.end(JSON.stringify({ errorMessage: invocation.error, errorType: "Error" }));
        }
        const answer = invocation.answer as UserMigrationEvent["response"];
        const forCognitoLocal = invocation.event.triggerSource.startsWith("UserMigration_")
            ? { ...answer, userAttributes: { ...answer.userAttributes, username: invocation.event.userName } }
            : answer;
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ ...invocation.event, response: forCognitoLocal }));
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        invocations,
        configure: (userPoolId, environment) => environments.set(userPoolId, environment),
        environmentOf: (userPoolId) => environments.get(userPoolId) ?? {},
        invoke: run,
        stop: () => new Promise((done) => server.close(() => done())),
    };
}
