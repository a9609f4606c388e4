import * as fs from "fs";
import * as path from "path";
import { brandingLimits, canonicalJson, cognitoStyle } from "./catalogue/branding";
import { keyOf } from "./rules/problems";

/*
 * A branding style's asset files, read when the program runs: each must be a file of the project of at most
 * 1,000,000 bytes (botocore AssetBytesType), and the style's request, its settings and the images in base64, within
 * CreateManagedLoginBranding's 2-megabyte request-size limit (CreateManagedLoginBrandingCommand.d.ts).
 */

interface BrandedClient {
    readonly name: string;
    readonly branding?: typeof cognitoStyle | {
        readonly settings: Record<string, unknown>;
        readonly assets: readonly { readonly file: string }[];
    };
}

/** The size of an asset file, or why it cannot be one. */
function assetSize(file: string): number | string {
    try {
        const stat = fs.statSync(file);
        return stat.isFile() ? stat.size : "expected a file, found a directory";
    } catch {
        return "no such file in the project directory";
    }
}

/** The bytes base64 gives `size` bytes. */
const base64Length = (size: number) => Math.ceil(size / 3) * 4;

/** Each problem of the clients' asset files, relative to `projectDir`, at once; `at` is where the clients are (`successor`). */
export function brandingFileProblems(clients: readonly BrandedClient[], projectDir: string, at: readonly PropertyKey[] = []): string[] {
    return clients.flatMap((client, index) => {
        const style = client.branding;
        if (style === undefined || style === cognitoStyle) {
            return [];
        }
        let request = canonicalJson(style.settings).length;
        const problems = style.assets.flatMap((asset, item) => {
            const key = keyOf([...at, "clients", index, "branding", "assets", item, "file"]);
            const size = assetSize(path.join(projectDir, asset.file));
            if (typeof size === "string") {
                return [`${key}: got ${JSON.stringify(asset.file)}; ${size} (${projectDir})`];
            }
            request += base64Length(size);
            return size > brandingLimits.assetBytes
                ? [`${key}: got ${JSON.stringify(asset.file)} of ${size.toLocaleString("en")} bytes; expected at most ${brandingLimits.assetBytes.toLocaleString("en")} bytes (Cognito's limit for an asset)`]
                : [];
        });
        if (request > brandingLimits.requestBytes) {
            problems.push(`${keyOf([...at, "clients", index, "branding"])}: the settings and the assets in base64 come to ${request.toLocaleString("en")} bytes; ` +
                `expected at most ${brandingLimits.requestBytes.toLocaleString("en")} (Cognito's request-size limit for a branding style): use smaller images or fewer`);
        }
        return problems;
    });
}
