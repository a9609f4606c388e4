import * as assert from "assert";
import { z } from "zod";
import { byUrn, jsonSchemaOf, problemsOf, schemaAt } from "../../../policy-pack/src/fixed-settings/schema";

const URN = "urn:pulumi:dev::p::aws:cognito/userPool:UserPool::pool";
const record = z.strictObject({
    id: z.string().min(1),
    name: z.string(),
    size: z.number().optional(),
    tags: z.array(z.enum(["a", "b"])),
});
const schema = z.strictObject({ items: byUrn(record) });

describe("fixed-settings: zod schemas as the pack's messages and JSON schema", () => {
    it("names each problem by its key path (`.key`, `[\"urn\"]`, `[0]`), what was expected and what was given, all at once", () => {
        const value = { items: { [URN]: { id: "", name: 5, size: Infinity, tags: ["a", "c"], extra: true } }, other: 1 };
        const at = `config.items[${JSON.stringify(URN)}]`;
        assert.deepStrictEqual(problemsOf(schema, value, "config"), [
            `${at}.id: expected a non-empty string, got ""`,
            `${at}.name: expected a string, got number 5`,
            `${at}.size: expected a number, got number Infinity`,
            `${at}.tags[1]: expected one of "a", "b", got "c"`,
            `${at}.extra: unknown key (expected id, name, size, tags)`,
            "config.other: unknown key (expected items)",
        ]);
    });

    it("says missing for an absent key, and names what a list or an object should have been", () => {
        assert.deepStrictEqual(problemsOf(schema, { items: { [URN]: { id: "x", tags: {} } } }, "c"), [
            `c.items[${JSON.stringify(URN)}].name: missing`,
            `c.items[${JSON.stringify(URN)}].tags: expected a list, got an object`,
        ]);
        assert.deepStrictEqual(problemsOf(schema, [], "c"), ["c: expected an object, got a list"]);
        assert.deepStrictEqual(problemsOf(schema, { items: { [URN]: { id: "x", name: "", tags: [] } } }, "c"), []);
    });

    it("names what a list of strings should hold, and looks through a default", () => {
        const names = z.strictObject({ names: z.array(z.string().min(1)).default([]), labels: z.array(z.string()).optional() });
        assert.deepStrictEqual(problemsOf(names, { names: "a", labels: ["x", 1] }, "c"), [
            'c.names: expected a list of non-empty strings, got "a"',
            "c.labels[1]: expected a string, got number 1",
        ]);
    });

    it("finds the schema that checks the value at an issue's path, through lists, maps and wrappers", () => {
        const wrapped = z.strictObject({ items: byUrn(record).optional(), sections: z.array(z.strictObject({ a: z.string().default("") }).prefault({})).default([]) });
        assert.strictEqual(schemaAt(wrapped, ["items", URN, "tags", 0])?.constructor, z.ZodEnum);
        assert.deepStrictEqual(Object.keys((schemaAt(wrapped, ["sections", 2]) as z.ZodObject).shape), ["a"]);
        assert.strictEqual(schemaAt(wrapped, ["nothing", "here"]), undefined);
    });

    it("refuses a key that is not a Pulumi URN and still checks its value", () => {
        assert.deepStrictEqual(problemsOf(schema, { items: { pool: { id: "x", name: "n", tags: "a" } } }, "c"), [
            'c.items["pool"]: key is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)',
            'c.items["pool"].tags: expected a list, got "a"',
        ]);
    });

    it("gives a draft 7 JSON schema without its own $schema, by-URN maps constrained by propertyNames", () => {
        const json = jsonSchemaOf(schema.describe("Things.")) as any;
        assert.strictEqual(json.$schema, undefined);
        assert.strictEqual(json.description, "Things.");
        assert.deepStrictEqual(json.properties.items.propertyNames, { type: "string", pattern: "^urn:pulumi:" });
        assert.deepStrictEqual(json.properties.items.additionalProperties.required, ["id", "name", "tags"]);
        assert.strictEqual(json.properties.items.additionalProperties.additionalProperties, false);
    });
});
