import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { timeLeft } from "./cognito-calls";

/*
 * The user's own functions for the triggers the migration function serves on the new pool (PreSignUp,
 * PostAuthentication): Cognito invokes one function per trigger (LambdaConfigType holds one ARN each), so the
 * migration function runs its own check first and then invokes the user's function itself, by the ARN in its
 * environment (its role may invoke exactly those: components/user-migration-function.ts). Only the user's
 * `response` is kept: the rest of the event (user name, attributes) is Cognito's and stays as Cognito sent it.
 * An error of the user's function is the trigger's error, so Cognito refuses the request with its message.
 */

const lambda = new LambdaClient({
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500, throwOnRequestTimeout: true },
});

/** Invokes the user's function with the event; the event with the user's `response`, or the user's error thrown. */
export async function invokeChained<Event extends { response: object }>(functionArn: string, event: Event, deadline: number): Promise<Event> {
    const answer = await lambda.send(new InvokeCommand({
        FunctionName: functionArn,
        InvocationType: "RequestResponse",
        Payload: Buffer.from(JSON.stringify(event)),
    }), timeLeft(deadline));
    const payload = answer.Payload === undefined ? {} : JSON.parse(Buffer.from(answer.Payload).toString("utf8") || "{}");
    if (answer.FunctionError !== undefined) {
        throw new Error(typeof payload.errorMessage === "string" ? payload.errorMessage : `the chained trigger failed (${answer.FunctionError})`);
    }
    return { ...event, response: { ...event.response, ...(payload?.response ?? {}) } };
}
