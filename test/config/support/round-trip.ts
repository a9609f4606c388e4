import { strict as assert } from "assert";
import { isDeepStrictEqual } from "util";
import { CatalogueEntry, describePaths, inputsOf, ReadContext } from "../../../config";

/*
 * The round trip that keeps a resource's mapping code and its catalogue facts in step: its settings → its provider
 * inputs (the `…Args` function) → what the AWS API describes for them (a model of the provider's create call,
 * test/aws/support/described-from-inputs.ts) → its settings again (the `…FromDescribed` function). The facts
 * checked are each setting's `input` (and `decides`) paths and its `describe` paths.
 */

/** One resource type's mapping both ways, and sample settings that give each setting a value other than its default. */
export interface ResourceRoundTrip<Settings, Args, Described, Raw extends object> {
    /** The catalogue's settings of one resource (`entriesOf` its section: keys relative to it, `tokenValidity.access`). */
    readonly entries: readonly CatalogueEntry[];
    /** Settings as a stack file writes them → parsed, through the stack's whole schema (every check). */
    readonly parse: (raw: Raw) => Settings;
    readonly args: (settings: Settings) => Args;
    /** What the API describes for the resource the provider made from these inputs. */
    readonly describe: (args: Args) => Described;
    readonly read: (described: Described, context: ReadContext) => Raw | undefined;
    /** Valid settings each value of `variations` is tried on, in order: the first it is valid in and changes the inputs of (else the settings). */
    readonly bases: readonly Raw[];
    /** For every setting, values other than its default (a key with `[]` sets it in every item), or values `along` others. */
    readonly variations: Readonly<Record<string, readonly unknown[]>>;
    /** Settings that read back as other settings giving the same inputs (their own value and Describe paths are not checked), and why. */
    readonly readBackAsOthers?: Readonly<Record<string, string>>;
}

/** A value of a setting that is valid only with other settings set too (`email.sender: ses` needs `email.from`). */
class Along {
    constructor(readonly value: unknown, readonly others: Readonly<Record<string, unknown>>) {}
}

export const along = (value: unknown, others: Readonly<Record<string, unknown>>) => new Along(value, others);

interface Finding {
    readonly setting: string;
    readonly live: unknown;
    readonly why: string;
}

/** A ReadContext that keeps what it is told. */
export function recordingContext(region = "us-east-1"): ReadContext & { readonly gaps: Finding[]; readonly notes: string[] } {
    const gaps: Finding[] = [];
    const notes: string[] = [];
    return { region, gaps, notes, gap: (setting, live, why) => gaps.push({ setting, live, why }), note: (setting, note) => notes.push(`${setting}: ${note}`) };
}

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value) &&
    !(value instanceof Date);

/** A copy of `value` with `path` (`a.b`, `items[].c`) set to `replace(current)`; `[]` stands for every item of a list. */
function editedAt(value: unknown, path: string, replace: (current: unknown) => unknown): unknown {
    const [head, ...rest] = path.split(".");
    const restPath = rest.join(".");
    const container: Record<string, unknown> = isMap(value) ? { ...value } : {};
    const name = head.replace(/\[\]$/, "");
    const inner = (current: unknown) => restPath === "" ? replace(current) : editedAt(current, restPath, replace);
    container[name] = head.endsWith("[]") && Array.isArray(container[name])
        ? (container[name] as unknown[]).map(inner)
        : inner(container[name]);
    if (container[name] === undefined) {
        delete container[name];
    }
    return container;
}

/** The paths (`a.b`, `items[].c`) at which two provider inputs differ; a list that changes its length differs as a whole. */
function changedPaths(a: unknown, b: unknown, path = ""): string[] {
    const at = (key: string) => path === "" ? key : `${path}.${key}`;
    if (isMap(a) && isMap(b)) {
        return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => changedPaths(a[key], b[key], at(key)));
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        return [...new Set(a.flatMap((item, index) => changedPaths(item, b[index], `${path}[]`)))];
    }
    return isDeepStrictEqual(a, b) ? [] : [path];
}

/** Whether one input path holds the other (`schemas` and `schemas[].mutable`), as the catalogue's facts are read (inputs.ts). */
const overlap = (a: string, b: string) =>
    [[a, b], [b, a]].some(([outer, inner]) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`));

const json = (value: unknown) => JSON.stringify(value);

/** Every value at a key (`clients[].name`: one per item). */
function valuesAt(value: unknown, key: string): unknown[] {
    const [head, ...rest] = key.split(".");
    const inner = isMap(value) ? value[head.replace(/\[\]$/, "")] : undefined;
    const items = head.endsWith("[]") ? (Array.isArray(inner) ? inner : []) : [inner];
    return rest.length === 0 ? items : items.flatMap((item) => valuesAt(item, rest.join(".")));
}

/** The specification of a resource's mapping, as mocha tests. */
export function describeRoundTrip<Settings, Args, Described, Raw extends object>(
    title: string, resource: ResourceRoundTrip<Settings, Args, Described, Raw>): void {
    const { entries } = resource;
    const readBack = (settings: Settings) => {
        const context = recordingContext();
        return { read: resource.read(resource.describe(resource.args(settings)), context), context };
    };

    /** Each setting's samples: a base with the value set, parsed, and the base it changed. */
    const samples = (key: string) => (resource.variations[key] ?? []).map((variation) => {
        const { value, others } = variation instanceof Along ? variation : { value: variation, others: {} };
        const values = { ...others, [key]: value };
        const changing = resource.bases.flatMap((base) => {
            const raw = Object.entries(values).reduce((edited, [at, set]) => editedAt(edited, at, () => set), base as unknown) as Raw;
            try {
                const settings = resource.parse(raw);
                const before = resource.parse(base);
                return isDeepStrictEqual(settings, before) ? [] : [{ raw, settings, before, keys: Object.keys(values) }];
            } catch {
                // Not valid on this base.
                return [];
            }
        });
        const sample = changing.find(({ settings, before }) => !isDeepStrictEqual(resource.args(settings), resource.args(before))) ?? changing[0];
        return sample ?? assert.fail(`${key}: ${json(values)} is valid in no base, or changes nothing there: add a base that takes it`);
    });
    const allSamples = () => [...resource.bases.map((raw) => ({ key: undefined, raw, settings: resource.parse(raw) })),
        ...entries.flatMap(({ key }) => samples(key).map((sample) => ({ key, ...sample })))];
    /** The settings a stack file would hold for them once read back: without those no Describe path reports. */
    const readBackPart = (raw: Raw) => entries.filter(({ setting }) => describePaths(setting).length === 0)
        .reduce((rest, { key }) => editedAt(rest, key, () => undefined) as Raw, raw);

    describe(title, () => {
        it("has values other than the default for every setting, and none for a key that is no setting", () => {
            const keys = entries.map(({ key }) => key);
            assert.deepStrictEqual(keys.filter((key) => (resource.variations[key] ?? []).length === 0), [], "settings without values");
            assert.deepStrictEqual(Object.keys(resource.variations).filter((key) => !keys.includes(key)), [], "values for no setting");
        });

        it("maps a changed setting to its declared provider inputs only, and to one of them at least", () => {
            const inputsAt = (key: string) => entries.filter((entry) => entry.key === key).flatMap(({ setting }) => inputsOf(setting));
            for (const { key, setting } of entries) {
                const inputs = inputsOf(setting);
                const changes = samples(key).map(({ settings, before, keys }) =>
                    ({ paths: changedPaths(resource.args(before), resource.args(settings)), declared: keys.flatMap(inputsAt) }));
                const undeclared = changes.flatMap(({ paths, declared }) => paths.filter((path) => !declared.some((input) => overlap(input, path))));
                assert.deepStrictEqual([...new Set(undeclared)], [], `${key} changes inputs it does not declare (it declares ${json(inputs)})`);
                const changed = changes.flatMap(({ paths }) => paths);
                assert.equal(changed.length > 0, inputs.length > 0,
                    inputs.length > 0 ? `${key} declares ${json(inputs)} but changes no input` : `${key} changes ${json(changed)}`);
            }
        });

        it("reads back the settings it was made from (those a Describe path reports), with nothing it cannot express", () => {
            for (const { key, raw, settings } of allSamples()) {
                const { read, context } = readBack(settings);
                assert.deepStrictEqual(context.gaps, [], `gaps for ${json(raw)}`);
                assert.ok(read !== undefined, `nothing read back for ${json(raw)}`);
                const again = resource.parse(read);
                assert.deepStrictEqual(resource.args(again), resource.args(settings), `inputs of what was read back from ${json(raw)}: ${json(read)}`);
                if (key === undefined || resource.readBackAsOthers?.[key] === undefined) {
                    assert.deepStrictEqual(again, resource.parse(readBackPart(raw)), `read back from ${json(raw)}: ${json(read)}`);
                }
            }
        });

        it("reads each setting from the Describe paths it declares (the adopt gap scan counts them as read)", () => {
            const described = allSamples().map(({ settings }) => resource.describe(resource.args(settings)));
            for (const { key, setting } of entries.filter(({ key }) => resource.readBackAsOthers?.[key] === undefined)) {
                for (const path of describePaths(setting)) {
                    const matters = described.some((full) => {
                        const without = editedAt(full, path, () => undefined) as Described;
                        try {
                            return !isDeepStrictEqual(valuesAt(resource.read(without, recordingContext()), key), valuesAt(resource.read(full, recordingContext()), key));
                        } catch {
                            // The read cannot do without it.
                            return true;
                        }
                    });
                    assert.ok(matters, `${key}: read back the same without ${path}, in every sample`);
                }
            }
        });
    });
}
