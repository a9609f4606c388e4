import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { main as plan } from "../../cli/plan";
import { main as sandbox } from "../../cli/sandbox";
import { capturingIO, ProjectCopy, repoRoot } from "./support/project-copy";

/** Runs `node bin/cli/sandbox.js` until it is ready, then Ctrl-C (SIGINT); what it printed and how it ended. */
async function startThenInterrupt(...argv: string[]): Promise<{ code: number | null; out: string; endpoint: string }> {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "cli", "sandbox.js"), ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => { out += chunk.toString("utf8"); });
    child.stderr.on("data", (chunk: Buffer) => { out += chunk.toString("utf8"); });
    await new Promise<void>((ready, failed) => {
        child.stdout.on("data", () => out.includes("Ctrl-C stops everything.") && ready());
        child.once("exit", () => failed(new Error(`the sandbox ended before it was ready:\n${out}`)));
    });
    const endpoint = /cognito-local at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    child.kill("SIGINT");
    const code = await new Promise<number | null>((ended) => child.once("exit", ended));
    return { code, out, endpoint };
}

async function refusesConnections(url: string): Promise<boolean> {
    return fetch(url).then(() => false, () => true);
}

describe("npm run sandbox", () => {
    let project: ProjectCopy;
    let data: string;

    beforeEach(() => {
        project = new ProjectCopy();
        data = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-data-"));
    });

    afterEach(() => {
        project.remove();
        fs.rmSync(data, { recursive: true, force: true });
    });

    it("stops everything on Ctrl-C, and a second start keeps the pool and client of the first", async () => {
        const first = await startThenInterrupt("--stack", "dev", "--port", "0", "--page-port", "0", "--data", data);
        assert.equal(first.code, 0, first.out);
        assert.match(first.out, /SIGINT: stopping the sandbox\nstopped\n$/);
        assert.ok(await refusesConnections(first.endpoint), "cognito-local still answers after Ctrl-C");
        const poolId = /created userPool myapp-dev \((local_\w+)\)/.exec(first.out)?.[1];
        assert.ok(poolId, first.out);

        const second = await startThenInterrupt("--stack", "dev", "--port", "0", "--page-port", "0", "--data", data);
        assert.equal(second.code, 0, second.out);
        assert.match(second.out, new RegExp(`kept +userPool myapp-dev \\(${poolId}\\)`));
        assert.match(second.out, /kept +userPoolClient web/);
        assert.doesNotMatch(second.out, /created/);
    });

    it("refuses a stack file that does not validate with the messages of npm run plan (exit 2), leaving nothing behind", async () => {
        project.edit("dev", `mode: "off"`, `mode: "sometimes"`);
        const planned = capturingIO(project.dir);
        assert.equal(await plan(["--stack", "dev"], planned), 2);
        const told = capturingIO(project.dir);
        const newData = path.join(data, "new");
        assert.equal(await sandbox(["--stack", "dev", "--port", "0", "--page-port", "0", "--data", newData], told), 2);
        assert.equal(told.err(), planned.err());
        assert.match(told.err(), /mfa\.mode/);
        assert.equal(fs.existsSync(newData), false, "the data folder it made is removed again");
    });

    it("says which port is busy (exit 2), starting nothing", async () => {
        const busy = net.createServer();
        await new Promise<void>((listening) => busy.listen(0, "127.0.0.1", listening));
        const port = (busy.address() as net.AddressInfo).port;
        try {
            const told = capturingIO(project.dir);
            assert.equal(await sandbox(["--stack", "dev", "--port", String(port), "--page-port", "0", "--data", data], told), 2);
            assert.equal(told.err(), `error: cognito-local (--port): port ${port} of 127.0.0.1 is in use (another sandbox, or another program): ` +
                "stop it or choose another port (--port and --page-port choose others)\n");
            assert.deepEqual(fs.readdirSync(data), []);
        } finally {
            busy.close();
        }
    });

    it("refuses a port that is not one, with the usage (exit 2)", async () => {
        const told = capturingIO(project.dir);
        assert.equal(await sandbox(["--stack", "dev", "--port", "http", "--page-port", "70000"], told), 2);
        assert.match(told.err(), /^error: --port "http": expected a port number from 0 \(a free one\) to 65535\n/);
        assert.match(told.err(), /usage: npm run sandbox/);
    });
});
