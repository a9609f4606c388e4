import * as path from "path";
import { isDeepStrictEqual } from "util";
import { Document, isAlias, isMap, Node, Pair, parseDocument, Scalar, visit, YAMLMap } from "yaml";
import { configNamespace, entriesOf, stack } from "../config";
import { projectFilePath, readStackConfig, StackConfig, stackFilePath } from "../stack-files/reader";
import { StackFileError } from "../stack-files/stack-file-error";
import { configMap, keyText, splitConfig, splitProjectFile, splitStackFile } from "./layout-split";

/*
 * `promote --shared`: Pulumi.yaml states once (`value:`) each shared setting that every stack has alike, and the
 * stack files drop it; stack files (and a Pulumi.yaml) of the earlier layout are split into top-level keys first.
 * It is the last step of a change promoted dev → staging → prod, and the migration of an older checkout's files.
 * No stack's config changes: every stack reads back, as the Pulumi CLI merges the files, what it read before.
 */

/** The top-level keys whose every setting the catalogue marks shared: those Pulumi.yaml may state once. */
export const sharedTopLevelKeys: readonly string[] = Object.keys(stack.entries).filter((key) =>
    entriesOf(stack).filter((entry) => entry.key === key || entry.key.startsWith(`${key}.`) || entry.key.startsWith(`${key}[]`))
        .every((entry) => entry.scope === "shared"));

/**
 * A document as text, its lines no wider than the file's widest (the yaml package folds long scalars, and a
 * folded `>-` text is folded again at that width), with the file's line ends.
 */
function textOf(document: Document, original: string): string {
    const lineWidth = Math.max(...original.split(/\r?\n/).map((line) => line.length));
    const text = document.toString({ flowCollectionPadding: false, lineWidth });
    return original.includes("\r\n") ? text.replace(/\n/g, "\r\n") : text;
}

/** The rewrite would change what a stack reads (a merge key or an alias it cannot follow): nothing is written. */
export class SharedConfigRefusal extends Error {
    constructor(message: string) {
        super(message);
        this.name = "SharedConfigRefusal";
    }
}

/** The files as they are, by name: Pulumi.yaml's text and each stack's. */
export interface ProjectTexts {
    readonly project: string;
    readonly stacks: Readonly<Record<string, string>>;
}

/** What `promote --shared` would do; nothing written. */
export interface SharedConfigPlan {
    /** The files as they would become; a file that does not change keeps its text. */
    readonly texts: ProjectTexts;
    /** Files of the earlier layout, each with the keys moved out of `userPool`. */
    readonly split: readonly { readonly file: string; readonly keys: readonly string[] }[];
    /** Keys Pulumi.yaml now states for every stack, each dropped from the stack files that set it. */
    readonly statedOnce: readonly { readonly key: string; readonly droppedFrom: readonly string[] }[];
    /** Shared keys some stack sets other than the rest: left in the stack files. */
    readonly differing: readonly string[];
}

const namespaced = (key: string) => `${configNamespace}:${key}`;

function documentOf(text: string): Document {
    return parseDocument(text.replace(/\r\n/g, "\n"));
}

/** Whether a node holds an alias, or an anchor: it cannot be moved to another file. */
function holdsReferences(node: unknown): boolean {
    let found = false;
    visit(node as Node, { Alias() { found = true; }, Node(_, inner) { found ||= Boolean(inner.anchor); } });
    return found || isAlias(node);
}

/** The pair of a key in a config map, written with its namespace. */
function pairOf(config: YAMLMap | undefined, key: string): Pair<Scalar, Node> | undefined {
    return config?.items.find((pair) => keyText(pair.key) === namespaced(key)) as Pair<Scalar, Node> | undefined;
}

/** Gives Pulumi.yaml's declaration of `key` the value `node` (a declaration made if there is none; `default` dropped). */
function declareValue(config: YAMLMap, key: string, source: Pair<Scalar, Node>): void {
    const declared = config.items.find((pair) => [namespaced(key), key].includes(keyText(pair.key) ?? ""));
    const value = holdsReferences(source.value) ? new Document(source.value?.toJSON()).contents as Node : source.value;
    if (declared !== undefined && isMap(declared.value)) {
        declared.value.delete("default");
        declared.value.set("value", value);
        return;
    }
    const declaration = new YAMLMap();
    declaration.items = [new Pair(new Scalar("value"), value)];
    if (declared !== undefined) {
        declared.value = declaration;
        return;
    }
    const declaredKey = new Scalar(namespaced(key));
    declaredKey.commentBefore = source.key.commentBefore;
    declaredKey.spaceBefore = source.key.spaceBefore;
    config.items.push(new Pair(declaredKey, declaration));
}

/** Each stack's config as the CLI would merge the files; every stack's problems at once. */
function readAll(projectDir: string, texts: ProjectTexts): Record<string, StackConfig> {
    const problems: string[] = [];
    const configs: Record<string, StackConfig> = {};
    for (const [stackName, text] of Object.entries(texts.stacks)) {
        try {
            configs[stackName] = readStackConfig(projectDir, stackName, text, texts.project);
        } catch (error) {
            if (!(error instanceof StackFileError)) {
                throw error;
            }
            problems.push(error.message);
        }
    }
    if (problems.length > 0) {
        throw new StackFileError([...new Set(problems)].join("\n"));
    }
    return configs;
}

/** Config values compared the way a program reads them; an empty `userPool` is as good as none. */
function comparable(config: Readonly<Record<string, string>>): Record<string, string> {
    const { [namespaced("userPool")]: pool, ...rest } = config;
    return pool === undefined || pool === "{}" ? rest : { ...rest, [namespaced("userPool")]: pool };
}

/**
 * Works out the files after `promote --shared`. Throws StackFileError for a file the Pulumi CLI could not read,
 * and SharedConfigRefusal if any stack would read back another config than it has now.
 */
export function planSharedConfig(projectDir: string, texts: ProjectTexts): SharedConfigPlan {
    const stacks = Object.keys(texts.stacks).sort();
    if (stacks.length === 0) {
        throw new StackFileError(`${projectDir}: no Pulumi.<stack>.yaml to read: there is nothing to state once`);
    }
    const before = readAll(projectDir, texts);
    const projectDocument = documentOf(texts.project);
    const stackDocuments = Object.fromEntries(stacks.map((name) => [name, documentOf(texts.stacks[name])]));
    const projectConfig = configMap(projectDocument);
    const projectFile = "Pulumi.yaml";
    const fileOf = (name: string) => `Pulumi.${name}.yaml`;

    const split = [
        { file: projectFile, keys: projectConfig ? splitProjectFile(projectConfig) : [] },
        ...stacks.map((name) => {
            const config = configMap(stackDocuments[name]);
            return { file: fileOf(name), keys: config ? splitStackFile(config) : [] };
        }),
    ].filter(({ keys }) => keys.length > 0);
    const splitTexts: ProjectTexts = {
        project: textOf(projectDocument, texts.project),
        stacks: Object.fromEntries(stacks.map((name) => [name, textOf(stackDocuments[name], texts.stacks[name])])),
    };
    const merged = readAll(projectDir, splitTexts);

    const statedOnce: { key: string; droppedFrom: string[] }[] = [];
    const differing: string[] = [];
    for (const key of sharedTopLevelKeys) {
        const setBy = stacks.filter((name) => pairOf(configMap(stackDocuments[name]), key) !== undefined);
        if (setBy.length === 0) {
            continue;
        }
        const values = stacks.map((name) => merged[name].config[namespaced(key)]);
        const secret = stacks.some((name) => merged[name].secretKeys.includes(namespaced(key)));
        if (secret || values.some((value) => value === undefined || value !== values[0])) {
            differing.push(key);
            continue;
        }
        const source = setBy.map((name) => pairOf(configMap(stackDocuments[name]), key)!)
            .find((pair) => pair.key.commentBefore !== undefined) ?? pairOf(configMap(stackDocuments[setBy[0]]), key)!;
        if (projectConfig === undefined) {
            projectDocument.set("config", new YAMLMap());
        }
        declareValue(configMap(projectDocument)!, key, source);
        for (const name of setBy) {
            const config = configMap(stackDocuments[name])!;
            config.items = config.items.filter((pair) => pair !== pairOf(config, key));
        }
        statedOnce.push({ key, droppedFrom: setBy.map(fileOf) });
    }

    const touched = new Set([...split.map(({ file }) => file), ...statedOnce.flatMap(({ droppedFrom }) => [projectFile, ...droppedFrom])]);
    const after: ProjectTexts = {
        project: touched.has(projectFile) ? textOf(projectDocument, texts.project) : texts.project,
        stacks: Object.fromEntries(stacks.map((name) =>
            [name, touched.has(fileOf(name)) ? textOf(stackDocuments[name], texts.stacks[name]) : texts.stacks[name]])),
    };
    const reread = readAll(projectDir, after);
    for (const name of stacks) {
        if (!isDeepStrictEqual(comparable(reread[name].config), comparable(splitConfig(before[name].config)))) {
            throw new SharedConfigRefusal(`${stackFilePath(projectDir, name)}: rewritten, stack ${name} would read another config ` +
                `than it does now (a YAML merge key or alias the rewrite cannot follow?): edit ${path.basename(projectFilePath(projectDir))} ` +
                "and the stack files by hand");
        }
    }
    return { texts: after, split, statedOnce, differing };
}
