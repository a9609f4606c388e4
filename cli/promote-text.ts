import * as path from "path";
import type { Promotion } from "../promotion/promotion";
import type { SettingDifference } from "../promotion/settings-diff";

function formatValue(value: unknown): string {
    return value === undefined ? "(not set)" : JSON.stringify(value);
}

/** `staging: clients[web].tokenValidity.refresh  "7d" → "30d"`, with what sets the change apart. */
function changeLine(promotion: Promotion, difference: SettingDifference, keyWidth: number): string {
    const { key, from: promoted, to: current } = difference;
    const change = current === undefined && key.startsWith("clients[")
        ? `a new client, as ${promotion.from} has it`
        : `${formatValue(current)} → ${formatValue(promoted)}`;
    const notes = [
        ...(promotion.diff.fixedAtCreation.includes(difference) ? ["fixed at creation"] : []),
        ...promotion.weakenings.filter((weakening) => weakening.difference === difference).map((weakening) => `weaker: ${weakening.why}`),
    ];
    return `  ${promotion.to}: ${key.padEnd(keyWidth)}  ${change}${notes.length > 0 ? `   (${notes.join("; ")})` : ""}`;
}

/**
 * What a promotion would do to the target, read the way it happens: each change as `<to>: <key> <current value>
 * → <promoted value>`; then what stays as the target has it. Ends with a blank line.
 */
export function renderPromotionText(promotion: Promotion): string {
    const { diff, from, to } = promotion;
    const changes = [...diff.fixedAtCreation, ...diff.changeable];
    const keyWidth = Math.max(0, ...changes.map((difference) => difference.key.length));
    const file = path.basename(promotion.targetFile);
    return [
        `Promote ${from} → ${to}: what ${file} would get (${to}'s value → the promoted value):`,
        ...(changes.length > 0 ? changes.map((difference) => changeLine(promotion, difference, keyWidth)) : ["  nothing to change"]),
        ...(diff.perEnvironment.length > 0
            ? [`Not promoted, each environment's own (${to} keeps its values): ${diff.perEnvironment.map((difference) => difference.key).join(", ")}`]
            : []),
        ...(diff.onlyInTarget.length > 0 ? [`Only in ${to}, left alone: ${diff.onlyInTarget.join(", ")}`] : []),
        "",
        "",
    ].join("\n");
}
