import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseStackSettings } from "../../config";
import { context, problemsOf } from "./support/problems";

const web = { name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] } };
const domain = { prefix: "example-auth", managedLoginVersion: 2 };
const asset = (category: string, file: string) => ({ category, colorMode: "LIGHT", extension: "PNG", file });

describe("a branding style's asset files (config/branding-files)", () => {
    let projectDir: string;
    before(() => {
        projectDir = fs.mkdtempSync(path.join(os.tmpdir(), "branding-files-"));
        fs.mkdirSync(path.join(projectDir, "branding", "dir.png"), { recursive: true });
        fs.writeFileSync(path.join(projectDir, "branding", "logo.png"), Buffer.alloc(1_000_000));
        fs.writeFileSync(path.join(projectDir, "branding", "big.png"), Buffer.alloc(1_000_001));
    });
    after(() => fs.rmSync(projectDir, { recursive: true, force: true }));

    const settings = (assets: object[]) => ({ domain, clients: [{ ...web, branding: { settings: {}, assets } }] });
    const problems = (assets: object[]) => problemsOf(settings(assets), { ...context, projectDir });

    it("accepts a file of the project of 1,000,000 bytes, Cognito's limit for an asset", () => {
        parseStackSettings(settings([asset("FORM_LOGO", "branding/logo.png")]), { ...context, projectDir });
    });

    it("refuses a missing file, a directory and a file over the limit, every one at once, naming the key", () => {
        assert.deepStrictEqual(problems([
            asset("FORM_LOGO", "branding/missing.png"), asset("PAGE_HEADER_LOGO", "branding/dir.png"), asset("PAGE_FOOTER_LOGO", "branding/big.png"),
        ]), [
            `cognito-user-pool:clients[0].branding.assets[0].file: got "branding/missing.png"; no such file in the project directory (${projectDir})`,
            `cognito-user-pool:clients[0].branding.assets[1].file: got "branding/dir.png"; expected a file, found a directory (${projectDir})`,
            `cognito-user-pool:clients[0].branding.assets[2].file: got "branding/big.png" of 1,000,001 bytes; expected at most 1,000,000 bytes (Cognito's limit for an asset)`,
        ]);
    });

    it("refuses a style whose request, settings and images in base64, passes Cognito's 2 MB", () => {
        assert.deepStrictEqual(problems([asset("FORM_LOGO", "branding/logo.png"), asset("PAGE_HEADER_LOGO", "branding/logo.png")]), [
            "cognito-user-pool:clients[0].branding: the settings and the assets in base64 come to 2,666,674 bytes; expected at most 2,000,000 " +
                "(Cognito's request-size limit for a branding style): use smaller images or fewer",
        ]);
    });

    it("checks the files of a successor's own clients under successor.clients", () => {
        assert.deepStrictEqual(problemsOf({ domain, clients: [web], successor: { name: "next", domain: { ...domain, prefix: "example-next" },
            clients: [{ ...web, branding: { settings: {}, assets: [asset("FORM_LOGO", "branding/gone.png")] } }] } }, { ...context, projectDir }), [
            `cognito-user-pool:successor.clients[0].branding.assets[0].file: got "branding/gone.png"; no such file in the project directory (${projectDir})`,
        ]);
    });
});

