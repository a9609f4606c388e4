import * as fs from "fs";
import * as path from "path";
import type { RegisteredResource } from "../offline/evaluate";
import type { StackConfig } from "../stack-files/reader";
import { bindablePort, startCognitoLocal } from "./cognito-local";
import { Invocation, LambdaEndpoint, startLambdaEndpoint, FunctionRoute } from "./lambda-endpoint";
import { localFunctions, triggerFunctionsSetting } from "./local-functions";
import type { LocalResource } from "./local-resources";
import { notEmulated } from "./not-emulated";
import { createdTypes, IdMap } from "./registered";
import { cachedEvaluation } from "./evaluation-cache";

/*
 * Loaded once cognito-local is starting, so that it starts while they load: the stack file reader (yaml), the program
 * under mocks (@pulumi/pulumi, @pulumi/aws) and the AWS SDK take about as long as cognito-local itself.
 */
const stackFilesModule = () => import("../stack-files/reader");
const evaluateModule = () => import("../offline/evaluate");
const sdkModules = () => Promise.all([
    import("@aws-sdk/client-cognito-identity-provider"), import("./local-resources"), import("./confirmation-verifies"), import("./page-server"),
]);

export interface SandboxOptions {
    readonly projectDir: string;
    readonly stack: string;
    /** cognito-local's port of 127.0.0.1; 0 for a free one. */
    readonly port: number;
    /** The sign-in page's port of 127.0.0.1; 0 for a free one. */
    readonly pagePort: number;
    /** Start with no users, pools or clients: cognito-local's data, log and the outputs are removed first. */
    readonly reset: boolean;
    /** The data folder: cognito-local's working directory (its data in .cognito/), its log, the outputs. Default: sandboxDir. */
    readonly dataDir?: string;
    /**
     * Reuse the program's evaluation saved by an earlier start when neither the stack's config nor the program's
     * build changed since (evaluation-cache.ts). Default: false (evaluated at every start).
     */
    readonly reuseEvaluation?: boolean;
    /** Told of each confirmation code cognito-local sends and each trigger invocation, as they come. Default: nothing. */
    readonly onEvent?: (event: SandboxEvent) => void;
}

export type SandboxEvent =
    | { readonly kind: "code"; readonly code: ConfirmationCode }
    | { readonly kind: "invocation"; readonly invocation: Invocation };

/** A code cognito-local "sent" (wrote to its log) to a user. */
export interface ConfirmationCode {
    readonly username: string;
    readonly code: string;
}

export interface Sandbox {
    readonly stack: string;
    readonly region: string;
    /** cognito-local, for AWS_ENDPOINT_URL. */
    readonly endpoint: string;
    readonly pageUrl: string;
    /** The stack's outputs with the local ids and cognito-local's issuer: what the page reads. */
    readonly outputs: Record<string, unknown>;
    /** Where they are written, for `npm run migration -- --outputs`. */
    readonly outputsFile: string;
    /** cognito-local's log (with the confirmation codes). */
    readonly logFile: string;
    readonly created: readonly LocalResource[];
    readonly notEmulated: readonly string[];
    readonly codes: readonly ConfirmationCode[];
    readonly lambda: LambdaEndpoint;
    stop(): Promise<void>;
}

/** The default data folder of a stack's sandbox, ignored by git. */
export function sandboxDir(projectDir: string, stack: string): string {
    return path.join(projectDir, ".sandbox", stack);
}

/**
 * Starts the stack's sandbox: starts the local Lambda endpoint and cognito-local, evaluates the stack's program
 * under mocks meanwhile (a stack file or config that does not validate throws as for `npm run plan`), creates (or
 * finds from an earlier start) what the program registered, and serves the sign-in page.
 * Whatever started is stopped again when a later step fails.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
    // The SDK is pinned; its notice that releases after January 2027 need Node 22 concerns upgrading it (aws/clients.ts).
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    // Both ports are checked before anything starts, so that a busy one leaves nothing behind.
    const port = await bindablePort(options.port, "cognito-local (--port)");
    // A given page port is checked now; a free one (0) is taken when the page listens, so no one can take it between.
    const pagePort = options.pagePort === 0 ? 0 : await bindablePort(options.pagePort, "the sign-in page (--page-port)");

    const dir = path.resolve(options.dataDir ?? sandboxDir(options.projectDir, options.stack));
    const logFile = path.join(dir, "cognito-local.log");
    const outputsFile = path.join(dir, "outputs.json");
    if (options.reset) {
        // Only what the sandbox writes there: the folder may be one the user named (--data).
        for (const written of [path.join(dir, ".cognito"), logFile, outputsFile]) {
            fs.rmSync(written, { recursive: true, force: true });
        }
    }
    const dirIsNew = !fs.existsSync(dir);
    fs.mkdirSync(dir, { recursive: true });
    const codes: ConfirmationCode[] = [];
    const stops: (() => Promise<void>)[] = [];
    const stopAll = async () => {
        for (const stop of stops.splice(0).reverse()) {
            await stop();
        }
    };
    try {
        let route: FunctionRoute = () => undefined;
        const lambda = await startLambdaEndpoint({
            route: (name, event) => route(name, event),
            onInvocation: (invocation) => options.onEvent?.({ kind: "invocation", invocation }),
        });
        stops.push(lambda.stop);
        const log = fs.createWriteStream(logFile, { flags: "a" });
        stops.push(() => new Promise((closed) => log.end(closed)));
        const readCodes = codeReader((code) => {
            codes.push(code);
            options.onEvent?.({ kind: "code", code });
        });
        // cognito-local starts in its own process while this one evaluates the program: the two take about as long.
        const starting = startCognitoLocal({
            dir,
            port,
            config: {
                TriggerFunctions: triggerFunctionsSetting,
                // cognito-local's own default region for its Lambda client: nothing checks it.
                LambdaClient: { endpoint: lambda.url, region: "local", credentials: localCredentials },
            },
            onOutput: (text) => {
                log.write(text);
                readCodes(text);
            },
        });
        // Read once cognito-local is starting (a stack file that does not validate stops it again).
        const stackConfig: StackConfig = (await stackFilesModule()).readStackConfig(options.projectDir, options.stack);
        const region = stackConfig.config["aws:region"] ?? "us-east-1";
        // The program's own validation, before it runs: its messages, as npm run plan gives them.
        const evaluate = async () => {
            const { parseStackConfig } = await import("../config/settings");
            parseStackConfig(stackConfig.config, { project: stackConfig.project, stack: options.stack });
            const { evaluateStack } = await evaluateModule();
            return evaluateStack(stackConfig);
        };
        const evaluated = options.reuseEvaluation ? cachedEvaluation(options.projectDir, stackConfig, evaluate) : evaluate();
        const loadingSdk = sdkModules();
        const [cognitoLocal, evaluation] = await settledBoth(starting, evaluated, stops);

        const [{ CognitoIdentityProviderClient }, { createRegistered }, { verifyingConfirmations }, { startPageServer }] = await loadingSdk;
        const cognito = new CognitoIdentityProviderClient({ endpoint: cognitoLocal.endpoint, region, credentials: localCredentials });
        stops.push(async () => cognito.destroy());
        const ids = new IdMap();
        const created = await createRegistered(cognito, evaluation.resources, ids);
        const functions = await localFunctions(evaluation.resources, ids, {
            AWS_ENDPOINT_URL: cognitoLocal.endpoint,
            AWS_REGION: region,
            AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
            AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        });
        route = verifyingConfirmations(functions, cognito, autoVerifiedByPool(evaluation.resources, ids));

        const outputs = localOutputs(ids.apply(evaluation.outputs), region, cognitoLocal.endpoint);
        fs.writeFileSync(outputsFile, `${JSON.stringify(outputs, null, 2)}\n`);
        const page = await startPageServer({ port: pagePort, outputs, codesAt: path.relative(options.projectDir, logFile) });
        stops.push(page.stop);
        return {
            stack: options.stack, region, endpoint: cognitoLocal.endpoint, pageUrl: page.url, outputs, outputsFile, logFile, created,
            notEmulated: notEmulated(evaluation.resources), codes, lambda, stop: stopAll,
        };
    } catch (error) {
        await stopAll();
        if (dirIsNew) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
        throw error;
    }
}

/** Both results; when either fails, a started cognito-local is stopped too (registered in `stops`) and the error thrown. */
async function settledBoth<A extends { stop(): Promise<void> }, B>(first: Promise<A>, second: Promise<B>,
    stops: (() => Promise<void>)[]): Promise<[A, B]> {
    const [a, b] = await Promise.allSettled([first, second]);
    if (a.status === "fulfilled") {
        stops.push(() => a.value.stop());
    }
    if (a.status === "rejected") {
        throw a.reason;
    }
    if (b.status === "rejected") {
        throw b.reason;
    }
    return [a.value, b.value];
}

/** Each pool's autoVerifiedAttributes, by its local id. */
function autoVerifiedByPool(resources: readonly RegisteredResource[], ids: IdMap): Map<string, string[]> {
    return new Map(resources.filter((resource) => resource.type === createdTypes.userPool && resource.id !== undefined)
        .map((pool) => [ids.apply(pool.id!), pool.inputs.autoVerifiedAttributes ?? []]));
}

/** cognito-local checks no signature; the SDK needs some credentials to sign with. */
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * The outputs as the stack would export them had it been deployed to cognito-local: the pool's Cognito endpoint
 * (`cognito-idp.<region>.amazonaws.com`, in userPoolEndpoint, issuerUrl and jwksUrl) is cognito-local, which issues
 * its tokens as `<its URL>/<pool id>` (TokenConfig.IssuerDomain). Secrets stay masked, as `pulumi stack output` shows them.
 */
export function localOutputs(outputs: Record<string, unknown>, region: string, endpoint: string): Record<string, unknown> {
    const host = `cognito-idp.${region}.amazonaws.com`;
    const text = JSON.stringify(outputs).split(`https://${host}`).join(endpoint).split(host).join(new URL(endpoint).host);
    return JSON.parse(text);
}

/** Reads the codes from cognito-local's "Confirmation Code Delivery" boxes (messageDelivery/consoleMessageSender.js). */
function codeReader(found: (code: ConfirmationCode) => void): (text: string) => void {
    let pending = "";
    const box = /Confirmation Code Delivery[\s\S]*?Username:\s*(\S+)[\s\S]*?Code:\s*(\S+)/;
    return (text) => {
        pending += text.replace(/\x1b\[[0-9;]*m/g, "");
        for (let match = box.exec(pending); match; match = box.exec(pending)) {
            found({ username: match[1], code: match[2] });
            pending = pending.slice(match.index + match[0].length);
        }
        pending = pending.slice(-4000);
    };
}
