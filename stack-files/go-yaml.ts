import { Alias, Composer, CST, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Parser, Scalar, YAMLMap } from "yaml";

/*
 * YAML read as the Pulumi CLI reads Pulumi.yaml and Pulumi.<stack>.yaml: decoded by Go's gopkg.in/yaml.v3 into
 * `interface{}` values (pulumi/pulumi sdk/go/common/workspace/project.go decodes the stack's `environment:` with
 * yaml.v3's Node API; config values go through sdk/go/common/resource/config/object.go `UnmarshalYAML`).
 * The `yaml` package's default YAML 1.2 core schema reads some plain scalars differently, so the `yaml` package
 * only parses here (failsafe schema: every scalar a string, with its style and tag) and this module resolves
 * scalars, aliases and merge keys as go-yaml v3 does (resolve.go `resolve`, decode.go `scalar`, `alias`, `merge`).
 */

/** A document the Pulumi CLI would refuse, or that this reader cannot read as the CLI does. */
export class YamlReadError extends Error {
    constructor(readonly line: number | undefined, readonly reason: string) {
        super(line === undefined ? reason : `line ${line}: ${reason}`);
        this.name = "YamlReadError";
    }
}

// go-yaml v3 resolve.go: the plain scalars looked up by their whole text. Booleans are YAML 1.2's only
// (`yes`, `no`, `on`, `off` stay strings); `.inf` and `.nan` are floats.
const byText = new Map<string, unknown>([
    ...["true", "True", "TRUE"].map((text) => [text, true] as const),
    ...["false", "False", "FALSE"].map((text) => [text, false] as const),
    ...["", "~", "null", "Null", "NULL"].map((text) => [text, null] as const),
    ...[".nan", ".NaN", ".NAN"].map((text) => [text, NaN] as const),
    ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((text) => [text, Infinity] as const),
    ...["-.inf", "-.Inf", "-.INF"].map((text) => [text, -Infinity] as const),
]);

// Go's strconv.ParseInt(text, 0, 64) syntax: a sign, then 0x / 0o / 0b or a leading 0 (octal: `017` is 15).
const goInteger = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
// resolve.go yamlStyleFloat, and the floats that start with a dot.
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const dotFloat = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const int64Min = -(2n ** 63n);
const uint64Max = 2n ** 64n - 1n;

/** An integer as strconv.ParseInt then ParseUint read it (base 0), within int64 / uint64; else undefined. */
function parseGoInteger(text: string): number | undefined {
    const match = goInteger.exec(text);
    if (!match) {
        return undefined;
    }
    const [, sign, hex, octal, binary, leadingZeroOctal, decimal] = match;
    const magnitude = hex !== undefined ? BigInt(`0x${hex}`)
        : octal !== undefined ? BigInt(`0o${octal}`)
        : binary !== undefined ? BigInt(`0b${binary}`)
        : leadingZeroOctal !== undefined ? BigInt(`0o${leadingZeroOctal || "0"}`)
        : BigInt(decimal);
    const value = sign === "-" ? -magnitude : magnitude;
    // ParseUint takes no sign: past int64, only an unsigned value fits.
    const fits = value >= int64Min && (value < 2n ** 63n || (sign === "" && value <= uint64Max));
    return fits ? Number(value) : undefined;
}

type ScalarKind = "null" | "bool" | "int" | "float" | "str";

interface Resolved {
    readonly kind: ScalarKind;
    readonly value: unknown;
}

/** resolve.go `resolve` for an untagged plain scalar; dates are left as "str" (decoded into `interface{}` they stay text). */
function resolvePlain(text: string): Resolved {
    if (byText.has(text)) {
        const value = byText.get(text);
        return { kind: value === null ? "null" : typeof value === "boolean" ? "bool" : "float", value };
    }
    const first = text[0];
    if (first === ".") {
        const value = dotFloat.test(text) ? Number(text) : NaN;
        return Number.isFinite(value) ? { kind: "float", value } : { kind: "str", value: text };
    }
    if (first === "+" || first === "-" || (first >= "0" && first <= "9")) {
        const plain = text.replace(/_/g, "");
        const integer = parseGoInteger(plain);
        if (integer !== undefined) {
            return { kind: "int", value: integer };
        }
        const float = yamlStyleFloat.test(plain) ? Number(plain) : NaN;
        if (Number.isFinite(float)) {
            return { kind: "float", value: float };
        }
    }
    return { kind: "str", value: text };
}

/**
 * What Go's yaml.v3 reads an untagged plain scalar as: null, a boolean, a number, or the text itself (dates
 * too). Out-of-range numbers (`1e400`) stay strings, as in Go.
 */
export function plainScalarValue(text: string): unknown {
    return resolvePlain(text).value;
}

/** Whether a string written as a plain scalar reads back as that string, as a value and as a key (`<<` merges). */
export function readsAsPlainString(text: string): boolean {
    return text !== "<<" && plainScalarValue(text) === text;
}

const standardTag = "tag:yaml.org,2002:";

/** A scalar with its style and tag (decode.go `scalar`): quoted, block and `!!str` scalars are strings. */
function resolveScalar(node: Scalar, lineOf: (node: Node) => number | undefined): Resolved {
    const text = String(node.value);
    const tag = node.tag === undefined || node.tag === "!" ? undefined : node.tag;
    if (tag === undefined) {
        return node.type === "PLAIN" ? resolvePlain(text) : { kind: "str", value: text };
    }
    if (!tag.startsWith(standardTag)) {
        return { kind: "str", value: text };
    }
    const kind = tag.slice(standardTag.length);
    const resolved = resolvePlain(text);
    switch (kind) {
        case "str":
        case "timestamp":
            return { kind: "str", value: text };
        case "binary":
            return { kind: "str", value: Buffer.from(text.replace(/\s/g, ""), "base64").toString("utf8") };
        case "float":
            if (resolved.kind === "int") {
                return { kind: "float", value: resolved.value };
            }
            break;
        case "null":
        case "bool":
        case "int":
            break;
        default:
            throw new YamlReadError(lineOf(node), `the tag !!${kind} cannot be on a scalar (${JSON.stringify(text)})`);
    }
    if (kind !== resolved.kind) {
        throw new YamlReadError(lineOf(node), `cannot read !!${resolved.kind} \`${text}\` as a !!${kind}`);
    }
    return resolved;
}

/** Go's fmt `%v` of a map key, as Pulumi turns a key that is not a string into a config object key. */
function keyText({ kind, value }: Resolved): string {
    switch (kind) {
        case "null":
            return "<nil>";
        case "float":
            return goFloatText(value as number);
        default:
            return String(value);
    }
}

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6 (strconv 'g', precision -1). */
function goFloatText(value: number): string {
    if (!Number.isFinite(value)) {
        return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
    }
    const [digits, exponentText] = value.toExponential().split("e");
    const exponent = Number(exponentText);
    if (exponent < -4 || exponent >= 6) {
        const sign = exponent < 0 ? "-" : "+";
        return `${digits}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
    }
    return String(value);
}

// go-yaml v3 decode.go: a document may expand aliases into at most this share of what it decodes.
const aliasRatioRangeLow = 400_000;
const aliasRatioRangeHigh = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
    if (decodeCount <= aliasRatioRangeLow) {
        return 0.99;
    }
    if (decodeCount >= aliasRatioRangeHigh) {
        return 0.10;
    }
    return 0.99 - 0.89 * ((decodeCount - aliasRatioRangeLow) / (aliasRatioRangeHigh - aliasRatioRangeLow));
}

/** Walks a parsed document as decode.go's decoder does, counting what aliases expand to. */
class Decoder {
    private decodeCount = 0;
    private aliasCount = 0;
    private depth = 0;
    private readonly expanding = new Set<Alias>();

    constructor(private readonly document: Document.Parsed, private readonly lineOf: (node: Node) => number | undefined) {}

    decode(node: Node | null | undefined): unknown {
        this.decodeCount++;
        if (this.expanding.size > 0) {
            this.aliasCount++;
        }
        if (this.aliasCount > 100 && this.decodeCount > 1000 &&
            this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
            throw new YamlReadError(undefined, `its aliases expand to ${this.aliasCount} of the ${this.decodeCount} values read, ` +
                "more than the Pulumi CLI's YAML decoder allows (\"document contains excessive aliasing\")");
        }
        if (node === null || node === undefined) {
            return null;
        }
        if (isAlias(node)) {
            return this.alias(node);
        }
        if (isScalar(node)) {
            return resolveScalar(node, this.lineOf).value;
        }
        // Aliases can nest what the text does not: expanded, the value must still be within maxNesting.
        if (++this.depth > maxNesting) {
            throw new YamlReadError(this.lineOf(node), `nesting deeper than ${maxNesting} levels once its aliases are expanded`);
        }
        try {
            return isSeq(node) ? node.items.map((item) => this.decode(item as Node)) : Object.fromEntries(this.mapping(node as YAMLMap<Node, Node>));
        } finally {
            this.depth--;
        }
    }

    private target(alias: Alias): Node {
        const target = alias.resolve(this.document) as Node | undefined;
        if (target === undefined) {
            throw new YamlReadError(this.lineOf(alias), `unknown anchor '${alias.source}' referenced`);
        }
        return target;
    }

    private alias(alias: Alias): unknown {
        if (this.expanding.has(alias)) {
            throw new YamlReadError(this.lineOf(alias), `anchor '${alias.source}' value contains itself`);
        }
        this.expanding.add(alias);
        try {
            return this.decode(this.target(alias));
        } finally {
            this.expanding.delete(alias);
        }
    }

    /**
     * A mapping's entries. Its own keys win over merged ones (`<<: *base`), and among merged maps the first to
     * give a key wins; `merged` holds the keys already set when this map is itself being merged in.
     */
    private mapping(node: YAMLMap<Node, Node>, merged?: Set<string>, into = new Map<string, unknown>()): Map<string, unknown> {
        let mergeValue: Node | null | undefined;
        for (const pair of node.items) {
            if (isMergeKey(pair.key)) {
                mergeValue = pair.value;
                continue;
            }
            const key = this.key(pair.key);
            if (merged) {
                if (merged.has(key)) {
                    continue;
                }
                merged.add(key);
            }
            into.set(key, this.decode(pair.value));
        }
        if (mergeValue !== undefined) {
            this.merge(mergeValue, merged ?? new Set(into.keys()), into);
        }
        return into;
    }

    private merge(value: Node | null, merged: Set<string>, into: Map<string, unknown>): void {
        const sources = isSeq(value) ? value.items as Node[] : [value];
        for (const source of sources) {
            const map = isAlias(source) ? this.target(source) : source;
            if (!isMap(map)) {
                throw new YamlReadError(this.lineOf(source ?? value!), "map merge requires map or sequence of maps as the value");
            }
            if (isAlias(source)) {
                this.expanding.add(source);
                try {
                    this.mapping(map as YAMLMap<Node, Node>, merged, into);
                } finally {
                    this.expanding.delete(source);
                }
            } else {
                this.mapping(map as YAMLMap<Node, Node>, merged, into);
            }
        }
    }

    private key(node: Node | null): string {
        const key = isAlias(node) ? this.target(node) : node;
        if (key === null) {
            return keyText({ kind: "null", value: null });
        }
        if (!isScalar(key)) {
            throw new YamlReadError(this.lineOf(key), "a map key must be a scalar");
        }
        this.decodeCount++;
        return keyText(resolveScalar(key, this.lineOf));
    }
}

/** decode.go `isMerge`: a plain, untagged `<<` key (or one tagged !!merge). */
function isMergeKey(key: Node | null): boolean {
    return isScalar(key) && key.value === "<<" &&
        (key.tag === undefined ? key.type === "PLAIN" : key.tag === `${standardTag}merge`);
}

/**
 * How deep maps and lists may nest here. The Pulumi CLI's decoder goes to 10,000 (gopkg.in/yaml.v3 scannerc.go,
 * max_flow_level and max_indents: "exceeded max depth of 10000"), but the `yaml` package composes a document by
 * recursion and overflows the stack at about 900 levels; no stack file needs more than a few.
 */
export const maxNesting = 200;

/** A collection met on the walk, with the way to it from its document's top. */
interface Step {
    readonly token: CST.Token | undefined;
    readonly depth: number;
    readonly parent?: Step;
    readonly label?: string;
}

/** `config.cognito-user-pool:clients[0].a`: the way to a step, its first keys only when it is long. */
function keyPath(step: Step): string {
    const labels: string[] = [];
    for (let at: Step | undefined = step; at?.label !== undefined; at = at.parent) {
        labels.unshift(at.label);
    }
    const shown = labels.slice(0, 6).map((label, index) => label.startsWith("[") || index === 0 ? label : `.${label}`).join("");
    return labels.length > 6 ? `${shown}…` : shown;
}

/** The first collection nested deeper than maxNesting, found by a walk without recursion; undefined when none is. */
function tooDeep(tokens: readonly CST.Token[]): Step | undefined {
    const pending: Step[] = tokens.flatMap((token) => token.type === "document" ? [{ token: token.value, depth: 1 }] : []);
    while (pending.length > 0) {
        const step = pending.pop()!;
        const { token } = step;
        if (!CST.isCollection(token)) {
            continue;
        }
        if (step.depth > maxNesting) {
            return step;
        }
        const isList = token.type === "block-seq" || (token.type === "flow-collection" && token.start.source === "[");
        token.items.forEach((item, index) => {
            const key = item.key ?? undefined;
            const label = isList ? `[${index}]` : CST.isScalar(key) ? CST.resolveAsScalar(key)?.value ?? key.source : "?";
            pending.push({ token: item.value, depth: step.depth + 1, parent: step, label });
            pending.push({ token: key, depth: step.depth + 1, parent: step, label });
        });
    }
    return undefined;
}

/**
 * Reads one YAML document as the Pulumi CLI does. An empty text is null. Several documents are refused: the CLI
 * would read the first and ignore the rest without a word. Parsed and composed as the `yaml` package's
 * parseAllDocuments does, with the nesting checked in between.
 */
export function decodeYaml(text: string): unknown {
    const lineCounter = new LineCounter();
    const lineAt = (offset: number) => lineCounter.linePos(offset).line;
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const deep = tooDeep(tokens);
    if (deep !== undefined) {
        throw new YamlReadError(lineAt((deep.token as { offset: number }).offset),
            `nesting deeper than ${maxNesting} levels at key ${keyPath(deep)}: no setting nests that deep`);
    }
    const documents = [...new Composer({ schema: "failsafe", uniqueKeys: true }).compose(tokens)];
    if (documents.length === 0) {
        return null;
    }
    if (documents.length > 1) {
        throw new YamlReadError(lineAt(documents[1].range[0]), `holds ${documents.length} YAML documents; ` +
            "the Pulumi CLI reads only the first and ignores the rest: keep one");
    }
    const [document] = documents;
    const [error] = document.errors;
    if (error) {
        throw new YamlReadError(lineAt(error.pos[0]), `malformed YAML: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
    }
    const lineOf = (node: Node) => node.range ? lineAt(node.range[0]) : undefined;
    return new Decoder(document, lineOf).decode(document.contents);
}
