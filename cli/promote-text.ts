import type { Promotion } from "../promotion/promotion";
import { perEnvironmentKeys } from "../promotion/setting-keys";
import type { SettingDifference } from "../promotion/settings-diff";

function formatValue(value: unknown): string {
    return value === undefined ? "(not set)" : JSON.stringify(value);
}

function differenceLines(title: string, differences: readonly SettingDifference[], keyWidth: number): string[] {
    if (differences.length === 0) {
        return [`${title}: none`];
    }
    return [
        `${title}:`,
        ...differences.map(({ key, from, to }) => {
            const values = to === undefined && key.startsWith("clients[")
                ? "a new client, copied with its settings"
                : `${formatValue(from)} → ${formatValue(to)}`;
            return `    ${key.padEnd(keyWidth)}  ${values}`;
        }),
    ];
}

/** What differs between the two stacks, grouped, values in `--from → --to` order; ends with a blank line. */
export function renderPromotionText(promotion: Promotion): string {
    const { diff, from, to } = promotion;
    const keyWidth = Math.max(0, ...[...diff.fixedAtCreation, ...diff.changeable].map((difference) => difference.key.length));
    return [
        `Effective settings that differ, ${from} → ${to} (after defaults):`,
        "",
        ...differenceLines("Fixed at creation (a deployed pool or client cannot take a change)", diff.fixedAtCreation, keyWidth),
        ...differenceLines("Changeable", diff.changeable, keyWidth),
        ...(diff.onlyInTarget.length > 0 ? [`Only in ${to}, left alone: ${diff.onlyInTarget.join(", ")}`] : []),
        "",
        `Per-environment keys, not compared: ${perEnvironmentKeys.join(", ")}.`,
        "",
        "",
    ].join("\n");
}
