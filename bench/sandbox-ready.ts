import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startSandbox } from "../sandbox/sandbox";
import { repoRoot } from "./measure";

/*
 * npm run bench: the sandbox of the dev stack from an empty data folder, on free ports: one line once the page is
 * served and the pool created, then it runs until SIGTERM, which stops it (cognito-local with it). As npm run
 * sandbox starts it (the program's saved evaluation reused), or with `--evaluate` evaluating the program afresh.
 */
async function main(): Promise<void> {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sandbox-"));
    const sandbox = await startSandbox({ projectDir: repoRoot, stack: "dev", port: 0, pagePort: 0, reset: true, dataDir: data,
        reuseEvaluation: !process.argv.includes("--evaluate") });
    process.stdout.write(`ready ${sandbox.pageUrl}\n`);
    process.once("SIGTERM", async () => {
        await sandbox.stop();
        fs.rmSync(data, { recursive: true, force: true });
    });
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
});
