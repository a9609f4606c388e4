import * as fs from "fs";
import * as path from "path";

/** The .ts and .js files under a directory, without installed or compiled ones (nor the folders named in `skip`). */
export function sourceFiles(dir: string, skip: readonly string[] = []): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return ["node_modules", "bin", ".git", ...skip].includes(entry.name) ? [] : sourceFiles(file);
        }
        return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
    });
}

/** Every module a file imports or requires, as written (comments left out). */
export function importsOf(file: string): string[] {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    return [...text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^import\s+)["']([^"']+)["']/gm)].map((match) => match[1]);
}

/** The file a relative import names (`./x` → x.ts, x.js or x/index.ts), if it is one. */
export function resolvedImport(file: string, specifier: string): string | undefined {
    const target = path.resolve(path.dirname(file), specifier);
    return [target, `${target}.ts`, `${target}.js`, path.join(target, "index.ts"), path.join(target, "index.js")]
        .find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}
