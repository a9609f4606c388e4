import { parseDuration } from "../config/rules/durations";
import { keyOf, SettingPath } from "./setting-keys";

/*
 * Changes that lower what protects a pool's users: weaker MFA, no deletion protection, longer-lived tokens, a
 * weaker password policy. Promotion names them, and will not write one into a stack Pulumi protects (staging and
 * prod: `protect: true`, a pool holding users) unless told to.
 */

type Weakens = (current: unknown, promoted: unknown) => boolean;

const turnedOff: Weakens = (current, promoted) => current === true && promoted === false;
const lowered: Weakens = (current, promoted) => typeof current === "number" && typeof promoted === "number" && promoted < current;
const raised: Weakens = (current, promoted) => lowered(promoted, current);
/** A setting whose presence protects, gone (its section removed: the diff walks into the section's map). */
const removed: Weakens = (current, promoted) => current !== undefined && promoted === undefined;

const mfaStrength: Record<string, number> = { off: 0, optional: 1, required: 2 };
const weakerMfa: Weakens = (current, promoted) => mfaStrength[String(promoted)] < mfaStrength[String(current)];

/** A token lifetime that gets longer (`15m` → `1d`). */
const longerLived: Weakens = (current, promoted) => {
    const [before, after] = [current, promoted].map((value) => typeof value === "string" ? parseDuration(value)?.minutes : undefined);
    return before !== undefined && after !== undefined && after > before;
};

// By key, client names left out.
const rules: readonly (readonly [RegExp, Weakens, string])[] = [
    [/^mfa\.mode$/, weakerMfa, "weaker MFA"],
    [/^userPool\.deletionProtection$/, turnedOff, "no deletion protection"],
    [/^protect$/, turnedOff, "no longer protected by Pulumi"],
    [/^password\.minLength$/, lowered, "shorter passwords"],
    [/^password\.require(Lowercase|Uppercase|Numbers|Symbols)$/, turnedOff, "fewer kinds of characters in passwords"],
    [/^password\.temporaryPasswordValidityDays$/, raised, "temporary passwords valid longer"],
    [/^clients\[\]\.tokenValidity\.(access|id|refresh|authSession)$/, longerLived, "tokens valid longer"],
    [/^clients\[\]\.tokenRevocation$/, turnedOff, "tokens no longer revocable"],
    [/^clients\[\]\.preventUserExistenceErrors$/, turnedOff, "sign-in errors tell which users exist"],
    [/^clients\[\]\.refreshTokenRotation\.gracePeriodSeconds$/, removed, "refresh tokens no longer rotated"],
    [/^clients\[\]\.refreshTokenRotation\.gracePeriodSeconds$/, raised, "a rotated-out refresh token valid longer"],
];

/** How a change from the current value to the promoted one weakens the stack; undefined when it does not. */
export function weakening(path: SettingPath, current: unknown, promoted: unknown): string | undefined {
    const key = keyOf(path.map((segment) => typeof segment === "string" ? segment : { client: "" }));
    return rules.find(([pattern, weakens]) => pattern.test(key) && weakens(current, promoted))?.[2];
}
