import type { Document } from "yaml";

/*
 * The Pulumi CLI hands the program a config value as JSON (config/object.go MarshalString). A number in it that
 * JavaScript cannot hold as written — `1e400` (JSON.parse makes it Infinity), 12345678901234567890 (rounded) —
 * would reach a message as `null` (what JSON.stringify makes of Infinity) or as another number. Such numbers are
 * kept as the text the user wrote, so validation refuses them quoting that text. (The CLI's YAML reader keeps a
 * float it cannot parse, such as 1e400, as text too; it refuses .inf and .nan in a config value.)
 */

/**
 * The YAML parser, loaded only for the rare value that needs it: at import it would cost every run of the program
 * about 20 ms (npm run bench).
 */
function yaml(): typeof import("yaml") {
    return require("yaml");
}

function holdsAsWritten(value: number): boolean {
    return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}

/** Replaces, in a parsed YAML (or JSON) document, every number JavaScript cannot hold by its source text. */
function keepNumbersAsWritten(document: Document.Parsed): void {
    yaml().visit(document, {
        Scalar(_key, node) {
            if (typeof node.value === "number" && !holdsAsWritten(node.value) && node.source !== undefined) {
                node.value = node.source;
            }
        },
    });
}

function holdsEveryNumber(value: unknown): boolean {
    if (typeof value === "number") {
        return holdsAsWritten(value);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).every(holdsEveryNumber);
    }
    return true;
}

/**
 * A Pulumi config value as the program receives it: JSON for numbers, booleans, lists and maps, else the text
 * itself. Numbers JSON.parse cannot hold (1e400) come back as written.
 */
export function parseConfigValue(text: string): unknown {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return text;
    }
    if (holdsEveryNumber(value)) {
        return value;
    }
    // JSON is YAML: read again, this time with each scalar's source text at hand.
    const document = yaml().parseDocument(text);
    if (document.errors.length > 0) {
        return value;
    }
    keepNumbersAsWritten(document);
    return document.toJS();
}
