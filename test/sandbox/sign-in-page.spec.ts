import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { Sandbox, startSandbox } from "../../sandbox/sandbox";
import { ProjectCopy, repoRoot } from "../cli/support/project-copy";
import { launchChromium } from "./browser";
import { act, codeFor, pageReady } from "./support/page-steps";

const claims = async (page: Page, which: "id" | "access") => JSON.parse((await page.textContent(`#claims-${which}`))!);

describe("npm run sandbox: the sign-in page in headless Chromium", () => {
    let project: ProjectCopy;
    let browser: BrowserContext;
    let closeBrowser: () => Promise<void>;
    let sandbox: Sandbox | undefined;

    before(async () => {
        project = new ProjectCopy();
        ({ browser, close: closeBrowser } = await launchChromium());
    });

    afterEach(async () => {
        await sandbox?.stop();
        sandbox = undefined;
    });

    after(async () => {
        await closeBrowser?.();
        project?.remove();
    });

    it("signs a user up, confirms with the code cognito-local logged, signs in with tokens verified, signs out", async () => {
        sandbox = await startSandbox({ projectDir: project.dir, stack: "dev", port: 0, pagePort: 0, reset: false });
        const page = await pageReady(browser, sandbox.pageUrl);
        const pool = sandbox.outputs.frontendConfig as { UserPoolId: string; ClientId: string };

        assert.match(await act(page, "signup", { username: "alice", email: "alice@example.com", password: "Passw0rd!" }), /Signed up alice/);
        assert.match(await act(page, "confirm", { code: await codeFor(sandbox, "alice") }), /Confirmed alice/);
        assert.match(await act(page, "signin"), new RegExp(`Signed in as alice on ${pool.UserPoolId}: tokens verified`));

        const id = await claims(page, "id");
        const access = await claims(page, "access");
        // Confirming with the emailed code verifies the email, as in Cognito (sandbox/confirmation-verifies.ts).
        assert.deepEqual([id.token_use, id.aud, id["cognito:username"], id.email, String(id.email_verified), id.iss],
            ["id", pool.ClientId, "alice", "alice@example.com", "true", sandbox.outputs.issuerUrl]);
        assert.deepEqual([access.token_use, access.client_id, access.username], ["access", pool.ClientId, "alice"]);
        // The README's picture, retaken on request only, so that a test run leaves the work tree as it found it.
        const screenshot = process.env.SANDBOX_SCREENSHOT === "1" ? path.join(repoRoot, "docs", "img", "sandbox.png") : path.join(project.dir, "sandbox.png");
        await page.screenshot({ path: screenshot, fullPage: true });

        assert.equal(await act(page, "signout"), "Signed out");
        assert.equal(await page.textContent("#claims-id"), "");
    });

    it("refuses a wrong code and a wrong password, and says so on the page", async () => {
        sandbox = await startSandbox({ projectDir: project.dir, stack: "dev", port: 0, pagePort: 0, reset: true });
        const page = await pageReady(browser, sandbox.pageUrl);
        await act(page, "signup", { username: "bob", email: "bob@example.com", password: "Passw0rd!" });
        const code = await codeFor(sandbox, "bob");
        assert.match(await act(page, "confirm", { code: code === "000000" ? "111111" : "000000" }), /Confirmation failed: CodeMismatchException/);
        await act(page, "confirm", { code });
        assert.match(await act(page, "signin", { password: "Wrong-passw0rd" }), /Sign-in failed: (NotAuthorizedException|InvalidPasswordException)/);
        assert.equal(await page.textContent("#claims-id"), "");
        assert.equal(fs.existsSync(sandbox.logFile), true);
    });
});
