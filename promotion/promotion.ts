import { isDeepStrictEqual } from "util";
import { StackConfigError } from "../config/rules/problems";
import type { StackSettings } from "../config/schema";
import { parseStackSettings, rawSettingsFromPulumiConfig } from "../config/settings";
import { readStackConfig, stackFilePath } from "../stack-files/reader";
import { StackFileError } from "../stack-files/stack-file-error";
import { keyOf, SettingPath } from "./setting-keys";
import { diffSettings, SettingDifference, SettingsDiff } from "./settings-diff";
import { weakening } from "./weakening";
import { editStackFile, SettingEdit } from "./stack-file-edit";

/** A promotion worked out, nothing written: what differs, and the target's stack file as it would become. */
export interface Promotion {
    readonly from: string;
    readonly to: string;
    readonly targetFile: string;
    readonly diff: SettingsDiff;
    /** The values copied into the target: every difference, fixed-at-creation or changeable. */
    readonly edits: readonly SettingEdit[];
    readonly currentText: string;
    readonly promotedText: string;
    /** The target is a stack Pulumi protects (`protect: true`): a pool that holds users. */
    readonly targetProtected: boolean;
    /** The promoted changes that weaken the target, each with how. */
    readonly weakenings: readonly Weakening[];
}

export interface Weakening {
    readonly difference: SettingDifference;
    readonly why: string;
}

interface StackInput {
    readonly raw: Record<string, unknown>;
    readonly settings: StackSettings;
}

/** A stack's settings as written (merged with Pulumi.yaml) and validated; problems name the stack. */
function readStack(projectDir: string, stack: string, text: string): StackInput {
    const config = readStackConfig(projectDir, stack, text);
    const raw = rawSettingsFromPulumiConfig(config.config);
    try {
        return { raw, settings: parseStackSettings(raw, { project: config.project, stack }) };
    } catch (error) {
        if (error instanceof StackConfigError) {
            throw new StackConfigError(error.problems.map((problem) => `stack ${stack}: ${problem}`));
        }
        throw error;
    }
}

/** The value as the stack file (or Pulumi.yaml) writes it, so a copy carries no spelled-out defaults. */
function writtenValue(raw: Record<string, unknown>, path: SettingPath): unknown {
    return path.reduce<unknown>((inner, segment) => {
        if (typeof segment === "string") {
            return (inner as Record<string, unknown> | undefined)?.[segment];
        }
        return Array.isArray(inner) ? inner.find((client) => client?.name === segment.client) : undefined;
    }, raw);
}

/** Each stack file's text, read once by the caller (the target under its lock). */
export interface PromotionTexts {
    readonly source: string;
    readonly target: string;
}

/** Checks that the edited text reads back with every promoted value, as the Pulumi CLI would read it. */
function checkReadBack(projectDir: string, to: string, promotedText: string, edits: readonly SettingEdit[]): void {
    const promoted = rawSettingsFromPulumiConfig(readStackConfig(projectDir, to, promotedText).config);
    const misread = edits.filter((edit) => !isDeepStrictEqual(writtenValue(promoted, edit.path), edit.value));
    if (misread.length > 0) {
        throw new StackFileError(`${stackFilePath(projectDir, to)}: promote could not write ${misread.map((edit) => keyOf(edit.path)).join(", ")} ` +
            "so that it reads back as promoted; nothing was written: edit the file by hand");
    }
}

/**
 * Compares two stacks' effective settings and prepares the target's stack file with the promotable values
 * copied in. Throws StackFileError / StackConfigError when either stack cannot be read or validated.
 */
export function preparePromotion(projectDir: string, from: string, to: string, texts: PromotionTexts): Promotion {
    const source = readStack(projectDir, from, texts.source);
    const target = readStack(projectDir, to, texts.target);
    const diff = diffSettings(source.settings, target.settings);
    const edits = [...diff.fixedAtCreation, ...diff.changeable].map((difference) => ({
        path: difference.path,
        value: writtenValue(source.raw, difference.path) ?? difference.from,
    }));
    const targetFile = stackFilePath(projectDir, to);
    const promotedText = edits.length > 0 ? editStackFile(texts.target, texts.source, edits, target.raw, targetFile) : texts.target;
    if (edits.length > 0) {
        checkReadBack(projectDir, to, promotedText, edits);
    }
    const weakenings = [...diff.fixedAtCreation, ...diff.changeable].flatMap((difference) => {
        const why = weakening(difference.path, difference.to, difference.from);
        return why === undefined ? [] : [{ difference, why }];
    });
    return {
        from, to, targetFile, diff, edits, currentText: texts.target, promotedText,
        targetProtected: target.settings.protect, weakenings,
    };
}
