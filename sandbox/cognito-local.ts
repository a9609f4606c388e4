import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";

/** A port of 127.0.0.1 that another process holds, or that cannot be bound. */
export class PortError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PortError";
    }
}

export interface CognitoLocalOptions {
    /** Its working directory: its settings and data go under `.cognito/` there (cognito-local 5.3.0 lib/server/defaults.js). */
    readonly dir: string;
    /** The port of 127.0.0.1 to listen on, known to be free (bindablePort): its tokens' issuer names it. */
    readonly port: number;
    /** Merged into `.cognito/config.json` (TriggerFunctions, LambdaClient, ...). */
    readonly config?: Record<string, unknown>;
    /** Each chunk of its output (pino-pretty lines), as it comes. Default: dropped. */
    readonly onOutput?: (text: string) => void;
}

export interface CognitoLocal {
    readonly endpoint: string;
    readonly port: number;
    stop(): Promise<void>;
}

const host = "127.0.0.1";

/** A free port of 127.0.0.1, or `port` itself once it is known to be free. */
export async function bindablePort(port: number, what: string): Promise<number> {
    const probe = net.createServer();
    return new Promise((resolve, reject) => {
        probe.once("error", (error: NodeJS.ErrnoException) => reject(new PortError(error.code === "EADDRINUSE"
            ? `${what}: port ${port} of ${host} is in use (another sandbox, or another program): stop it or choose another port`
            : `${what}: cannot listen on ${host}:${port} (${error.message})`)));
        probe.listen(port, host, () => {
            const bound = (probe.address() as net.AddressInfo).port;
            probe.close(() => resolve(bound));
        });
    });
}

/**
 * Starts cognito-local (the npm package, its own process) on 127.0.0.1. Its settings: `UserPoolDefaults` with no
 * UsernameAttributes (it adds ["email"] to every pool that sets none, lib/server/config.js DefaultConfig), and the
 * issuer of its tokens on the port it listens on (TokenConfig.IssuerDomain, else `http://<HOST>:<PORT>`,
 * which reads port 0 as 0): so the port is chosen before it starts.
 */
export function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocal> {
    // Spawned at once (no await before it), so that it starts while the caller goes on with other work.
    const port = options.port;
    fs.mkdirSync(path.join(options.dir, ".cognito"), { recursive: true });
    fs.writeFileSync(path.join(options.dir, ".cognito", "config.json"), JSON.stringify({
        UserPoolDefaults: { UsernameAttributes: [] },
        TokenConfig: { IssuerDomain: `http://${host}:${port}` },
        ...options.config,
    }, null, 2));
    const child = spawn(process.execPath, [require.resolve("cognito-local/lib/bin/start.js")], {
        cwd: options.dir,
        env: { ...process.env, PORT: String(port), HOST: host },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const started = new Promise<string>((started, failed) => {
        const timeout = setTimeout(() => failed(new Error(`cognito-local did not start within 20 s:\n${output}`)), 20_000);
        const watch = (chunk: Buffer) => {
            const text = chunk.toString("utf8");
            options.onOutput?.(text);
            output = (output + text).slice(-4000);
            const address = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
            if (address) {
                clearTimeout(timeout);
                started(address[1]);
            }
        };
        child.stdout!.on("data", watch);
        child.stderr!.on("data", watch);
        child.once("exit", (code) => {
            clearTimeout(timeout);
            failed(new Error(`cognito-local exited (${code}) before it started:\n${output}`));
        });
    });
    const stop = () => stopProcess(child);
    return started.then((endpoint) => ({ endpoint, port, stop }), async (error) => {
        await stop();
        throw error;
    });
}

export function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
    }
    return new Promise((stopped) => {
        child.once("exit", () => stopped());
        child.kill("SIGTERM");
    });
}
