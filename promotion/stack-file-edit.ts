import { Document, isAlias, isCollection, isMap, isScalar, isSeq, Node, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq } from "yaml";
import { configNamespace } from "../config/rules/problems";
import { StackFileError } from "../stack-files/stack-file-error";
import { keyOf, SettingPath } from "./setting-keys";

/*
 * Promoted values are written into the target's text in place: the yaml Document API finds each node and its
 * offsets, and only the characters of the edited values change. Every other byte (comments, their alignment,
 * indentation, quoting, flow or block style, blank lines) stays as the file had it. Not edited through the
 * Document API and its toString: that re-renders the whole file (yaml 2.9.1: `name: x   # note` → `name: x # note`,
 * a file indented by 4 → by 2), which test/promotion/stack-file-edit.spec.ts refuses.
 */

/** A value to write at a setting's key; undefined removes the key. */
export interface SettingEdit {
    readonly path: SettingPath;
    readonly value: unknown;
}

type YamlPath = (string | number)[];

// YAML 1.1 readers take these for booleans: quoted, so every reader sees the string (as in `mode: "off"`).
const yaml11Booleans = /^(y|yes|n|no|on|off|true|false)$/i;

const toStringOptions = { flowCollectionPadding: false, lineWidth: 0 } as const;

type Layout = "inline" | "block";

/**
 * A value as YAML text without a final newline: inline (`[a, b]`, `{a: 1}`, a scalar in the given style) or as
 * a block, in which lists of plain values stay inline, as the stack files write them.
 */
function render(value: unknown, layout: Layout, scalarType?: Scalar.Type): string {
    const doc = new Document(value);
    visit(doc, {
        Scalar(_, node) {
            const quoted = typeof node.value === "string" && yaml11Booleans.test(node.value);
            node.type = quoted ? "QUOTE_DOUBLE" : typeof node.value === "string" ? scalarType : "PLAIN";
        },
        Seq(_, node) {
            node.flow = layout === "inline" || node.items.every((item) => isScalar(item));
        },
        Map(_, node) {
            node.flow = layout === "inline";
        },
    });
    if (isCollection(doc.contents)) {
        doc.contents.flow = layout === "inline";
    }
    return doc.toString(toStringOptions).replace(/\n$/, "");
}

/** A list or map holding lists or maps. */
function isNested(value: unknown): boolean {
    return value !== null && typeof value === "object" &&
        Object.values(value).some((inner) => inner !== null && typeof inner === "object");
}

/** How a value no stack file spells out is written: maps, and lists of lists or maps, as blocks. */
function layoutOf(value: unknown): Layout {
    const isMap = value !== null && typeof value === "object" && !Array.isArray(value);
    return isMap || isNested(value) ? "block" : "inline";
}

/** The target's style for a replaced value: a block stays a block, inline stays inline unless it now nests. */
function layoutReplacing(node: Node, value: unknown): Layout {
    if (!isCollection(node)) {
        return layoutOf(value);
    }
    return !node.flow || isNested(value) ? "block" : "inline";
}

function lineStart(text: string, offset: number): number {
    return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
    const newline = text.indexOf("\n", offset);
    return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
    return offset - lineStart(text, offset);
}

/** Shifts every line of a block by some columns (negative: fewer leading spaces). */
function shift(block: string, columns: number): string {
    return block.split("\n").map((line) => {
        if (line.trim() === "") {
            return line;
        }
        return columns >= 0 ? " ".repeat(columns) + line : line.slice(Math.min(-columns, line.length - line.trimStart().length));
    }).join("\n");
}

/** Where a block collection's text ends: it owns its last newline. */
function blockEnd(text: string, node: Node): number {
    const end = node.range![1];
    return text[end - 1] === "\n" ? end : lineEnd(text, end);
}

function splice(text: string, start: number, end: number, replacement: string): string {
    return text.slice(0, start) + replacement + text.slice(end);
}

/** `key: value` lines at a column, for a key added to a block map or a pair rewritten with a block value. */
function pairLines(key: string, value: unknown, column: number, layout: Layout): string {
    return " ".repeat(column) + (layout === "inline"
        ? `${key}: ${render(value, "inline")}`
        : `${key}:\n${shift(render(value, "block"), column + 2)}`) + "\n";
}

/** The stack file's key for a top-level setting: `cognito-user-pool:userPool`, or the short form if it uses that. */
function configKey(doc: Document, setting: string): string | undefined {
    const config = doc.get("config", true);
    return isMap(config) ? [`${configNamespace}:${setting}`, setting].find((key) => config.has(key)) : undefined;
}

function lineAt(text: string, offset: number): number {
    return text.slice(0, offset).split("\n").length;
}

/** The anchors some alias in the document refers to. */
function aliasedAnchors(doc: Document): Set<string> {
    const anchors = new Set<string>();
    visit(doc, { Alias(_, node) { anchors.add(node.source); } });
    return anchors;
}

function hasMergeKey(map: YAMLMap): boolean {
    return map.items.some((pair) => isScalar(pair.key) && pair.key.value === "<<" && (pair.key.type ?? "PLAIN") === "PLAIN");
}

/**
 * Refuses an edit the text cannot take in place: through an alias, inside an anchored value that an alias
 * repeats elsewhere (the edit would change both), or under a key a merge key (`<<`) provides. The message
 * names the stack file and the line.
 */
function refuseShared(doc: Document, text: string, file: string, path: SettingPath, location: YamlPath): void {
    const refuse = (node: Node, why: string) => {
        // An anchor stands before its node: the line to name is the anchor's.
        const offset = node.anchor ? text.lastIndexOf(`&${node.anchor}`, node.range![0]) : node.range![0];
        throw new StackFileError(`${file}:${lineAt(text, offset)}: promote cannot write ${keyOf(path)} here: ${why}; ` +
            "nothing was written: write the value out in full there, or edit the file by hand");
    };
    const aliased = aliasedAnchors(doc);
    for (let depth = 2; depth <= location.length; depth++) {
        const parent = doc.getIn(location.slice(0, depth - 1), true) as Node | undefined;
        const node = doc.getIn(location.slice(0, depth), true) as Node | undefined;
        if (isMap(parent) && node === undefined && hasMergeKey(parent)) {
            refuse(parent, `${location[depth - 1]} comes from a merge key (<<) or is missing beside one`);
        }
        if (node === undefined) {
            return;
        }
        if (isAlias(node)) {
            refuse(node, `the value is an alias (*${node.source})`);
        }
        if (node.anchor && aliased.has(node.anchor)) {
            refuse(node, `the value is anchored (&${node.anchor}) and repeated by *${node.anchor}, which would change too`);
        }
        if (isSeq(node) && location[depth] !== undefined && typeof location[depth] === "number") {
            const shared = node.items.find((item) => isAlias(item) || (isMap(item) && hasMergeKey(item)));
            if (shared) {
                refuse(shared as Node, "a client of the list is an alias or merges another map (<<), so clients cannot be matched by name");
            }
        }
    }
}

/** Where a setting is or would go; undefined when its top-level key or its client is missing. */
function locate(doc: Document, path: SettingPath): YamlPath | undefined {
    const [setting, ...rest] = path as [string, ...SettingPath];
    const key = configKey(doc, setting);
    if (key === undefined) {
        return undefined;
    }
    const location: YamlPath = ["config", key];
    for (const segment of rest) {
        if (typeof segment === "string") {
            location.push(segment);
            continue;
        }
        const clients = doc.getIn(location, true);
        if (isSeq(clients) && clients.items.some((item) => isAlias(item) || (isMap(item) && hasMergeKey(item)))) {
            location.push(0);
            return location;
        }
        const index = isSeq(clients) ? clients.items.findIndex((item) => isMap(item) && item.get("name") === segment.client) : -1;
        if (index === -1) {
            return undefined;
        }
        location.push(index);
    }
    return location;
}

function pairAt(doc: Document, location: YamlPath): Pair<Scalar, Node> {
    const parent = doc.getIn(location.slice(0, -1), true) as YAMLMap<Scalar, Node>;
    return parent.items.find((pair) => pair.key.value === location[location.length - 1])!;
}

/** Adds `key: value` to a map: at the end of a block map, or before the closing brace of a flow map. */
function addPair(text: string, map: YAMLMap, key: string, value: unknown): string {
    const [start, end] = map.range!;
    if (map.flow) {
        const closing = text.lastIndexOf("}", end);
        return splice(text, closing, closing, `${map.items.length > 0 ? ", " : ""}${key}: ${render(value, "inline")}`);
    }
    const at = blockEnd(text, map);
    return splice(text, at, at, pairLines(key, value, columnOf(text, start), layoutOf(value)));
}

/** Replaces an existing value, in the style the target writes it. */
function replaceValue(text: string, doc: Document, location: YamlPath, value: unknown): string {
    const pair = pairAt(doc, location);
    const node = pair.value!;
    const [start, end] = node.range!;
    if (isScalar(node) && (value === null || typeof value !== "object")) {
        return splice(text, start, end, render(value, "inline", node.type));
    }
    if (layoutReplacing(node, value) === "inline") {
        return splice(text, start, end, render(value, "inline"));
    }
    const keyStart = pair.key.range![0];
    const keyText = text.slice(keyStart, pair.key.range![1]);
    const replaced = isCollection(node) && !node.flow ? blockEnd(text, node) : lineEnd(text, end);
    return splice(text, lineStart(text, keyStart), replaced, pairLines(keyText, value, columnOf(text, keyStart), "block"));
}

/** Removes a key and its value: its whole lines in a block map, the entry and a comma in a flow map. */
function removePair(text: string, doc: Document, location: YamlPath): string {
    const parent = doc.getIn(location.slice(0, -1), true) as YAMLMap;
    const pair = pairAt(doc, location);
    const keyStart = pair.key.range![0];
    const node = pair.value!;
    if (!parent.flow) {
        const end = isCollection(node) && !node.flow ? blockEnd(text, node) : lineEnd(text, node.range![1]);
        return splice(text, lineStart(text, keyStart), end, "");
    }
    const following = /^\s*,\s*/.exec(text.slice(node.range![1]));
    if (following) {
        return splice(text, keyStart, node.range![1] + following[0].length, "");
    }
    const preceding = /,\s*$/.exec(text.slice(0, keyStart))!;
    return splice(text, keyStart - preceding[0].length, node.range![1], "");
}

/** A client as the source stack file writes it (a block map): its lines and the comment lines right above, at column 0. */
function sourceClientLines(sourceText: string, item: Node): string {
    const dashLine = lineStart(sourceText, item.range![0]);
    const column = columnOf(sourceText, sourceText.lastIndexOf("-", item.range![0]));
    let start = dashLine;
    while (start > 0) {
        const previous = lineStart(sourceText, start - 1);
        if (!sourceText.slice(previous, start).trim().startsWith("#")) {
            break;
        }
        start = previous;
    }
    return shift(sourceText.slice(start, blockEnd(sourceText, item)).replace(/\n$/, ""), -column);
}

/** Appends a client to the target's clients: as the source writes it when it does, else rendered. */
function appendClient(text: string, clients: YAMLSeq, value: unknown, sourceText: string, sourceItem: Node | undefined): string {
    if (clients.flow) {
        const closing = text.lastIndexOf("]", clients.range![1]);
        return splice(text, closing, closing, `${clients.items.length > 0 ? ", " : ""}${render(value, "inline")}`);
    }
    const item = sourceItem ? sourceClientLines(sourceText, sourceItem) : render([value], "block");
    const at = blockEnd(text, clients);
    return splice(text, at, at, shift(item, columnOf(text, clients.range![0])) + "\n");
}

/** Writes a value at a setting's location: replacing, adding (with any missing maps on the way) or removing. */
function writeValue(text: string, doc: Document, location: YamlPath, value: unknown): string {
    const existing = doc.getIn(location, true);
    if (existing !== undefined) {
        return value === undefined ? removePair(text, doc, location) : replaceValue(text, doc, location, value);
    }
    if (value === undefined) {
        return text;
    }
    let depth = location.length - 1;
    while (!isMap(doc.getIn(location.slice(0, depth), true))) {
        depth--;
    }
    const nested = location.slice(depth + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
    return addPair(text, doc.getIn(location.slice(0, depth), true) as YAMLMap, String(location[depth]), nested);
}

/** Makes the target spell out a top-level setting it leaves to Pulumi.yaml's default. */
function ensureConfigKey(text: string, doc: Document, setting: string, projectDefault: unknown): string {
    if (configKey(doc, setting) !== undefined) {
        return text;
    }
    const key = `${configNamespace}:${setting}`;
    const config = doc.get("config", true);
    if (isMap(config)) {
        return addPair(text, config, key, projectDefault);
    }
    const prefix = text === "" || text.endsWith("\n") ? text : `${text}\n`;
    return `${prefix}config:\n${pairLines(key, projectDefault, 2, layoutOf(projectDefault))}`;
}

/** Whether a text's lines all end in CRLF. */
function usesCrlf(text: string): boolean {
    return text.includes("\r\n") && !/(^|[^\r])\n/.test(text);
}

/**
 * Copies settings into a target stack file's text. Only the edited values change; a client the target does not
 * have is appended as the source stack file writes it (its comment and layout), or rendered if the source
 * leaves it to Pulumi.yaml. A file with CRLF line ends keeps them. An edit through an alias, an anchored value
 * used elsewhere or a merge key is refused (StackFileError naming the file and line).
 * @param projectDefaults the target's settings as merged with Pulumi.yaml, for top-level keys it does not set.
 * @param targetFile the target's name in messages. Default: "the stack file".
 */
export function editStackFile(
    targetText: string,
    sourceText: string,
    edits: readonly SettingEdit[],
    projectDefaults: Record<string, unknown>,
    targetFile = "the stack file",
): string {
    const crlf = usesCrlf(targetText);
    const sourceLines = sourceText.replace(/\r\n/g, "\n");
    const source = parseDocument(sourceLines);
    let text = targetText.replace(/\r\n/g, "\n");
    for (const { path, value } of edits) {
        const setting = path[0] as string;
        text = ensureConfigKey(text, parseDocument(text), setting, projectDefaults[setting]);
        const doc = parseDocument(text);
        const location = locate(doc, path);
        if (location !== undefined) {
            refuseShared(doc, text, targetFile, path, location);
            text = writeValue(text, doc, location, value);
            continue;
        }
        // Only a whole client is ever missing: one the target does not have.
        const clients = doc.getIn(locate(doc, path.slice(0, -1))!, true) as YAMLSeq;
        const sourceLocation = locate(source, path);
        const sourceItem = sourceLocation && source.getIn(sourceLocation, true);
        text = appendClient(text, clients, value, sourceLines, isMap(sourceItem) && !sourceItem.flow && !sourceItem.anchor ? sourceItem : undefined);
    }
    return crlf ? text.replace(/\n/g, "\r\n") : text;
}
