/**
 * docs/policies.md, written by `npm run docs` from the pack itself: every policy with its default level and what it
 * guards, and per resource type the table of fixed provider inputs (how the provider compares each, its source).
 */
import type { Policies } from "@pulumi/policy";
import { POLICY_CATALOGUE } from "./catalogue";
import { FIXED_INPUTS, FixedInputRow } from "./fixed-settings/table";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function policyRows(policies: Policies): string[] {
    const inputsOf = (name: string) => Object.values(FIXED_INPUTS).flat()
        .filter((row: FixedInputRow) => row.policy === name)
        .map((row: FixedInputRow) => `${row.resourceType.split(":").pop()}.${row.input}`);
    return POLICY_CATALOGUE.map(({ name, defaultLevel, config }) => {
        const description = policies.find(p => p.name === name)?.description ?? "";
        const guards = inputsOf(name);
        return `| \`${name}\` | ${defaultLevel} | ${cell(description)} | ${guards.map(g => `\`${g}\``).join(", ")} | ${config.map(c => `\`${c}\``).join(", ")} |`;
    });
}

const EFFECT_TEXT: Record<FixedInputRow["effect"], string> = {
    replaces: "replaces the resource",
    "update-fails": "the update fails",
    invalidates: "updated in place; what users registered under the old value stops working",
};

function inputRows(rows: readonly FixedInputRow[]): string[] {
    return rows.map(row => [
        `\`${row.input}\``,
        EFFECT_TEXT[row.effect],
        cell(row.comparison),
        row.sources.map(s => cell(`${s.file}${s.lines ? ` ${s.lines}` : ""} (${s.release}): ${s.at}`)).join("<br>"),
        `\`${row.policy}\``,
    ].join(" | ")).map(line => `| ${line} |`);
}

/** The whole page. */
export function policyReference(policies: Policies): string {
    return [
        "# Policies",
        "",
        "<!-- written by `npm run docs` from the policy pack (policy-pack/src/fixed-settings/table.ts and the policies); do not edit -->",
        "",
        "Every policy of the pack, its default enforcement level, the fixed provider inputs it guards and the config it reads.",
        "",
        "| policy | default level | what it checks | fixed inputs it guards | config |",
        "|---|---|---|---|---|",
        ...policyRows(policies),
        "",
        "## Fixed provider inputs",
        "",
        "The inputs the bridged provider cannot change in place, or changes in place at the cost of what users registered under them, compared the way the provider compares them. A baseline",
        "(`npm run baseline`) records each of them for every deployed resource; the policies compare the new inputs with it.",
        ...Object.entries(FIXED_INPUTS).flatMap(([type, rows]) => [
            "",
            `### \`${type}\``,
            "",
            "| input | a change | how the provider compares it | source | policy |",
            "|---|---|---|---|---|",
            ...inputRows(rows as readonly FixedInputRow[]),
        ]),
        "",
    ].join("\n");
}
