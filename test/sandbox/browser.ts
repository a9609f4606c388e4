import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`), which .ci/run installs when it is missing. */
export const chromiumPath = "/usr/bin/chromium";

/**
 * Headless Chromium with a fresh profile, nothing fetched in the background. No Chromium is a failure that says
 * how to install it, never a skipped or passing test.
 */
export async function launchChromium(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`the browser test needs Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` ` +
            "(sudo if not root; .ci/run does this in CI)");
    }
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chromium-profile-"));
    const browser = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    return {
        browser,
        close: async () => {
            await browser.close();
            fs.rmSync(profile, { recursive: true, force: true });
        },
    };
}
