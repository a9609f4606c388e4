import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { verifyTokens } from "./token-check";

/** What amazon-cognito-identity-js's CognitoUserPool takes, plus the region: the stack's `frontendConfig` output. */
export interface FrontendConfig {
    readonly UserPoolId: string;
    readonly ClientId: string;
    readonly region: string;
}

export interface PageServerOptions {
    /** The port of 127.0.0.1; 0 for a free one. */
    readonly port: number;
    /** The stack's outputs, as `pulumi stack output --json` prints them: all the page reads. */
    readonly outputs: Record<string, unknown>;
    /** Where the confirmation codes are written, said on the page. */
    readonly codesAt: string;
}

export interface PageServer {
    readonly url: string;
    stop(): Promise<void>;
}

/** The page's files: sandbox/page (this module runs from bin/sandbox or, under ts-node, beside them). */
const pageDir = path.join(__dirname, ...(path.extname(__filename) === ".ts" ? [] : ["..", "..", "sandbox"]), "page");

const files: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
    "/": { file: path.join(pageDir, "index.html"), type: "text/html; charset=utf-8" },
    "/app.js": { file: path.join(pageDir, "app.js"), type: "text/javascript; charset=utf-8" },
    // The library's own browser build (its UMD bundle, the global AmazonCognitoIdentity), pinned by package-lock.json.
    "/amazon-cognito-identity.min.js": {
        file: require.resolve("amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js"), type: "text/javascript; charset=utf-8",
    },
};

/** Every frontendConfig the outputs hold: the stack's, and under `migration` both pools' during a move. */
function frontendConfigs(outputs: Record<string, unknown>): FrontendConfig[] {
    const migration = outputs.migration as { from?: { frontendConfig?: FrontendConfig }; to?: { frontendConfig?: FrontendConfig } } | undefined;
    return [outputs.frontendConfig as FrontendConfig | undefined, migration?.from?.frontendConfig, migration?.to?.frontendConfig]
        .filter((config): config is FrontendConfig => config !== undefined);
}

/**
 * Serves the sign-in page on 127.0.0.1: the page, the library's browser bundle, the stack's outputs
 * (/outputs.json), and POST /verify, the back end an app would have: it verifies a sign-in's tokens for one of
 * the stack's exported pools and clients and answers their claims (400 for anything else).
 */
export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
    const issuerOrigin = new URL(String(options.outputs.issuerUrl)).origin;
    const server = http.createServer(async (request, response) => {
        const answer = (status: number, body: unknown) => {
            response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
            response.end(JSON.stringify(body));
        };
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        if (request.method === "GET" && files[url.pathname] !== undefined) {
            const { file, type } = files[url.pathname];
            response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
            return fs.createReadStream(file).pipe(response);
        }
        if (request.method === "GET" && url.pathname === "/outputs.json") {
            return answer(200, { outputs: options.outputs, codesAt: options.codesAt });
        }
        if (request.method === "POST" && url.pathname === "/verify") {
            let body: { userPoolId?: string; clientId?: string; idToken?: string; accessToken?: string };
            try {
                body = JSON.parse(await readBody(request));
            } catch {
                return answer(400, { error: "expected JSON" });
            }
            const pool = frontendConfigs(options.outputs).find((config) => config.UserPoolId === body.userPoolId && config.ClientId === body.clientId);
            if (pool === undefined || typeof body.idToken !== "string" || typeof body.accessToken !== "string") {
                return answer(400, { error: "expected idToken and accessToken of a pool and client the stack exports" });
            }
            try {
                return answer(200, await verifyTokens({ idToken: body.idToken, accessToken: body.accessToken },
                    { issuer: `${issuerOrigin}/${pool.UserPoolId}`, clientId: pool.ClientId }));
            } catch (error) {
                return answer(401, { error: `not verified: ${(error as Error).message}` });
            }
        }
        answer(404, { error: `no ${request.method} ${url.pathname}` });
    });
    await new Promise<void>((listening, failed) => {
        server.once("error", failed);
        server.listen(options.port, "127.0.0.1", listening);
    });
    const { port } = server.address() as import("net").AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/`,
        stop: () => new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
        }),
    };
}

async function readBody(request: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
}
