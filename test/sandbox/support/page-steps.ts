import type { BrowserContext, Page } from "playwright-core";
import type { Sandbox } from "../../../sandbox/sandbox";

/** A new tab on the sign-in page, once it has read the stack's outputs. */
export async function pageReady(browser: BrowserContext, url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(`document.getElementById("status").textContent.startsWith("Ready")`);
    return page;
}

/** Fills the page's fields, clicks a button, and returns the status line once it says something new. */
export async function act(page: Page, button: string, fields: Record<string, string> = {}): Promise<string> {
    for (const [id, value] of Object.entries(fields)) {
        await page.fill(`#${id}`, value);
    }
    const before = await page.textContent("#status");
    await page.click(`#${button}`);
    await page.waitForFunction(`document.getElementById("status").textContent !== ${JSON.stringify(before)}`);
    return (await page.textContent("#status"))!;
}

/** The code cognito-local wrote to its log for the user (it may come a moment after the sign-up's answer). */
export async function codeFor(sandbox: Sandbox, username: string): Promise<string> {
    for (let waited = 0; waited < 5000; waited += 50) {
        const code = sandbox.codes.find((sent) => sent.username === username);
        if (code) {
            return code.code;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no confirmation code for ${username} in cognito-local's log`);
}
