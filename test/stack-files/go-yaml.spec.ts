import { strict as assert } from "assert";
import { decodeYaml, maxNesting, plainScalarValue, YamlReadError } from "../../stack-files/go-yaml";

function refusal(text: string, pattern: RegExp): void {
    assert.throws(() => decodeYaml(text), (error: Error) => error instanceof YamlReadError && pattern.test(error.message));
}

describe("YAML read as the Pulumi CLI reads it (stack-files/go-yaml)", () => {
    it("resolves plain scalars as Go's yaml.v3 does, not as YAML 1.1 or the YAML 1.2 core schema", () => {
        const cases: [string, unknown][] = [
            ["0o17", 15], ["017", 15], ["0x1F", 31], ["+0x1F", 31], ["0b101", 5], ["1_000", 1000], ["08", 8],
            ["1e3", 1000], [".5", 0.5], ["-.inf", -Infinity], ["~", null], ["", null], ["Null", null],
            ["true", true], ["FALSE", false],
            // YAML 1.1 booleans are strings for yaml.v3; so are dates decoded into interface{}, and out-of-range numbers.
            ["yes", "yes"], ["off", "off"], ["y", "y"], ["2026-11-27", "2026-11-27"], ["1e400", "1e400"], ["12abc", "12abc"],
        ];
        for (const [text, expected] of cases) {
            assert.deepEqual(plainScalarValue(text), expected, text);
        }
    });

    it("keeps quoted, block and !!str scalars as text, and resolves explicit tags", () => {
        assert.deepEqual(decodeYaml('a: "0o17"\nb: !!str 12\nc: |\n  x\nd: !!float 3\ne: !custom 5\n'),
            { a: "0o17", b: "12", c: "x\n", d: 3, e: "5" });
        refusal("a: !!int abc\n", /line 1: cannot read !!str `abc` as a !!int/);
    });

    it("applies merge keys: a map's own keys win, then the first merged map that has the key", () => {
        const decoded = decodeYaml([
            "base: &base {mode: optional, factors: [totp]}",
            "dev: {<<: *base, mode: \"off\"}",
            "both:",
            "  <<: [{a: 1}, {a: 2, b: 3}]",
            "quoted: {\"<<\": 1}",
        ].join("\n"));
        assert.deepEqual(decoded, {
            base: { mode: "optional", factors: ["totp"] },
            dev: { mode: "off", factors: ["totp"] },
            both: { a: 1, b: 3 },
            quoted: { "<<": 1 },
        });
        refusal("a: {<<: [1]}\n", /map merge requires map or sequence of maps/);
    });

    it("turns keys that are not strings into text as Pulumi does (Go's %v)", () => {
        assert.deepEqual(decodeYaml("m: {0o17: a, 1.5: b, 1e7: c, ~: d, yes: e}\n"),
            { m: { 15: "a", "1.5": "b", "1e+07": "c", "<nil>": "d", yes: "e" } });
    });

    it("refuses several documents, excessive aliasing and unknown anchors, with the line", () => {
        refusal("a: 1\n---\nb: 2\n", /^line 2: holds 2 YAML documents; the Pulumi CLI reads only the first/);
        const laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
        for (let level = 1; level < 6; level++) {
            laughs.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(", ")}]`);
        }
        refusal(laughs.join("\n"), /document contains excessive aliasing/);
        refusal("a: *nowhere\n", /line 1: unknown anchor 'nowhere'/);
    });

    it(`refuses nesting deeper than ${maxNesting} levels with the line and the key, in the text or once aliases are expanded`, () => {
        const nestedLists = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
        assert.deepStrictEqual(decodeYaml(`a: ${nestedLists(maxNesting - 1)}`), { a: JSON.parse(nestedLists(maxNesting - 1)) });
        refusal(`config:\n  key: ${nestedLists(20_000)}\n`,
            new RegExp(`^line 2: nesting deeper than ${maxNesting} levels at key config\\.key\\[0\\]\\[0\\]\\[0\\]\\[0\\]…: no setting nests that deep$`));
        const blocks = Array.from({ length: 1_000 }, (_, level) => `${"  ".repeat(level)}k${level}:`).join("\n") + " 1\n";
        refusal(blocks, new RegExp(`^line ${maxNesting + 1}: nesting deeper than ${maxNesting} levels at key k0\\.k1\\.k2\\.k3\\.k4\\.k5…`));
        const chain = ["a0: &a0 " + nestedLists(150)];
        for (let link = 1; link < 4; link++) {
            chain.push(`a${link}: &a${link} ${"[".repeat(150)}*a${link - 1}${"]".repeat(150)}`);
        }
        refusal(chain.join("\n"), new RegExp(`^line \\d+: nesting deeper than ${maxNesting} levels once its aliases are expanded$`));
    });

    it("reads an empty document as null", () => {
        assert.equal(decodeYaml(""), null);
        assert.equal(decodeYaml("# only a comment\n"), null);
    });
});
