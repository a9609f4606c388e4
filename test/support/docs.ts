import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

// The project's documentation: README.md and every page of docs/, and the blocks the specs compare with.

export const docsRoot = path.join(__dirname, "..", "..");

export interface DocFile {
    /** The path from the project directory, with `/`: `README.md`, `docs/migration.md`. */
    readonly file: string;
    readonly text: string;
}

export function documentation(): DocFile[] {
    const pages = fs.readdirSync(path.join(docsRoot, "docs")).filter((name) => name.endsWith(".md")).sort();
    return ["README.md", ...pages.map((name) => `docs/${name}`)]
        .map((file) => ({ file, text: fs.readFileSync(path.join(docsRoot, file), "utf8") }));
}

/**
 * The fenced block that follows `marker` (a regular expression's source, matched up to the end of its line) in the
 * documentation; fails unless exactly one file holds it.
 */
export function docBlock(marker: string): string {
    const pattern = new RegExp(`${marker}[^\\n]*\\n\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`);
    const found = documentation().flatMap(({ file, text }) => {
        const match = pattern.exec(text);
        return match ? [{ file, block: match[1] }] : [];
    });
    assert.strictEqual(found.length, 1,
        `the block after ${marker} should be in one file of README.md and docs/, and is in ${found.length}: ${found.map(({ file }) => file).join(", ")}`);
    return found[0].block;
}

/** The example after `<!-- example: <name> -->`. */
export function docExample(name: string): string {
    return docBlock(`<!-- example: ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} -->`);
}

/** Every `<!-- example: <name> -->` marker of the documentation. */
export function exampleMarkers(): { file: string; name: string }[] {
    return documentation().flatMap(({ file, text }) =>
        [...text.matchAll(/<!-- example: (.+?) -->/g)].map((match) => ({ file, name: match[1] })));
}
