import * as fs from "fs";
import { Baseline, BaselineError, ENFORCEMENT_LEVELS, EnforcementLevel, parseBaseline, POLICY_CATALOGUE } from "cognito-user-pool-policies";
import type { PolicyPackConfig } from "../offline/run-policies";
import { InputFileError } from "./command";

/** A policy-config file (`--policy-pack-config`), checked, with the baseline it carries. */
export interface PolicyConfigFile {
    readonly file: string;
    readonly config: PolicyPackConfig;
    /** The deployed baseline under the fixed-settings policies; absent: a first deployment. */
    readonly baseline?: Baseline;
}

const policyNames: readonly string[] = [...POLICY_CATALOGUE.map((policy) => policy.name), "all"];

function isLevel(value: unknown): value is EnforcementLevel {
    return ENFORCEMENT_LEVELS.includes(value as EnforcementLevel);
}

/**
 * Fail closed: in a file that carries a baseline, every policy that compares against one and is not disabled must
 * carry it too; the engine hands each policy only its own entry, and one without a baseline would compare nothing
 * and pass.
 */
function missingBaselines(parsed: Record<string, unknown>): string[] {
    const levelOf = (entry: unknown) => typeof entry === "string" ? entry : (entry as { enforcementLevel?: unknown } | undefined)?.enforcementLevel;
    return POLICY_CATALOGUE.filter((policy) => policy.config.includes("baseline"))
        .filter((policy) => (levelOf(parsed[policy.name]) ?? levelOf(parsed.all)) !== "disabled")
        .filter((policy) => {
            const entry = parsed[policy.name];
            return typeof entry !== "object" || entry === null || (entry as { baseline?: unknown }).baseline === undefined;
        })
        .map((policy) => `"${policy.name}".baseline: missing, while the file carries a baseline for other policies: ` +
            "this policy would compare nothing and pass (regenerate the file with `npm run baseline`, or set its level to disabled)");
}

/**
 * Reads a policy-config file as `npm run baseline` writes it: JSON keyed by policy name (or `all`), each a level
 * or `{enforcementLevel, ...properties}`. Every baseline in it is validated by the pack's own parser, so a
 * malformed one is reported before anything runs, naming the key.
 */
export function readPolicyConfigFile(file: string): PolicyConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new InputFileError(`cannot read baseline ${file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new InputFileError(`baseline ${file} is not JSON: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new InputFileError(`baseline ${file}: expected a JSON object keyed by policy name`);
    }
    const problems: string[] = [];
    let baseline: Baseline | undefined;
    for (const [name, entry] of Object.entries(parsed)) {
        const where = `"${name}"`;
        if (!policyNames.includes(name)) {
            problems.push(`${where}: no such policy in the pack (policies: ${policyNames.join(", ")})`);
            continue;
        }
        if (typeof entry === "string" ? !isLevel(entry) : entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            problems.push(`${where}: expected an enforcement level (${ENFORCEMENT_LEVELS.join(", ")}) or an object`);
            continue;
        }
        if (typeof entry === "string") {
            continue;
        }
        if (entry.enforcementLevel !== undefined && !isLevel(entry.enforcementLevel)) {
            problems.push(`${where}.enforcementLevel: expected one of ${ENFORCEMENT_LEVELS.join(", ")}, got ${JSON.stringify(entry.enforcementLevel)}`);
        }
        if (entry.baseline !== undefined && entry.baseline !== null) {
            try {
                const parsedBaseline = parseBaseline(entry.baseline, `${where}.baseline`);
                baseline ??= parsedBaseline;
            } catch (error) {
                if (!(error instanceof BaselineError)) {
                    throw error;
                }
                problems.push(...error.problems);
            }
        }
    }
    if (baseline !== undefined) {
        problems.push(...missingBaselines(parsed as Record<string, unknown>));
    }
    if (problems.length > 0) {
        throw new InputFileError(`baseline ${file} is malformed:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    }
    return { file, config: parsed as PolicyPackConfig, ...(baseline ? { baseline } : {}) };
}
