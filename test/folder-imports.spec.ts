import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { importsOf, resolvedImport, sourceFiles } from "./support/source-imports";

// Each folder of the program imports only folders below it (CONTRIBUTING.md, Layout): no two folders import each
// other, directly or around a loop, so that each can be read, tested and changed from the bottom up. A folder is a
// directory of the program's sources (`config` and `config/catalogue` are two); the tests and the policy pack, a
// package of its own (test/package-boundary.spec.ts), are left out.

const repoRoot = path.resolve(__dirname, "..");

/** Folder → the folders it imports, each with one import that does it. */
function folderImports(root: string): Map<string, Map<string, string>> {
    const graph = new Map<string, Map<string, string>>();
    const folderOf = (file: string) => path.relative(root, path.dirname(file)) || ".";
    for (const file of sourceFiles(root, ["test", "policy-pack"])) {
        for (const specifier of importsOf(file).filter((specifier) => specifier.startsWith("."))) {
            const target = resolvedImport(file, specifier);
            if (target === undefined || folderOf(target) === folderOf(file)) {
                continue;
            }
            const edges = graph.get(folderOf(file)) ?? new Map<string, string>();
            edges.set(folderOf(target), `${path.relative(root, file)} imports ${specifier}`);
            graph.set(folderOf(file), edges);
        }
    }
    return graph;
}

/** The folders that import each other around a loop (Tarjan's strongly connected components of two or more), with the imports that close it. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
    const index = new Map<string, number>();
    const lowest = new Map<string, number>();
    const stack: string[] = [];
    const found: string[][] = [];
    const visit = (folder: string) => {
        index.set(folder, index.size);
        lowest.set(folder, index.get(folder)!);
        stack.push(folder);
        for (const next of graph.get(folder)?.keys() ?? []) {
            if (!index.has(next)) {
                visit(next);
                lowest.set(folder, Math.min(lowest.get(folder)!, lowest.get(next)!));
            } else if (stack.includes(next)) {
                lowest.set(folder, Math.min(lowest.get(folder)!, index.get(next)!));
            }
        }
        if (lowest.get(folder) === index.get(folder)) {
            const component = stack.splice(stack.indexOf(folder));
            if (component.length > 1) {
                found.push(component.flatMap((from) => [...graph.get(from)!].filter(([to]) => component.includes(to))
                    .map(([to, how]) => `${from} → ${to} (${how})`)).sort());
            }
        }
    };
    [...graph.keys()].sort().forEach((folder) => index.has(folder) || visit(folder));
    return found;
}

describe("the program's folders", () => {
    it("import one another without a cycle", () => {
        assert.deepStrictEqual(cycles(folderImports(repoRoot)), []);
    });

    it("would be found in a cycle, naming an import of each step", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "folder-imports-"));
        try {
            const write = (file: string, text: string) => {
                fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
                fs.writeFileSync(path.join(root, file), text);
            };
            write("config/index.ts", `export * from "./catalogue";\n`);
            write("config/limits.ts", "export const limit = 1;\n");
            write("config/catalogue/index.ts", `import { limit } from "../limits";\nexport const twice = 2 * limit;\n`);
            write("components/pool.ts", `import { twice } from "../config";\n// import { nothing } from "../test/x";\nexport const pool = twice;\n`);
            assert.deepStrictEqual(cycles(folderImports(root)), [[
                "config → config/catalogue (config/index.ts imports ./catalogue)",
                "config/catalogue → config (config/catalogue/index.ts imports ../limits)",
            ]]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
