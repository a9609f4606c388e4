import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { USER_POOL_TYPE, label, reportAbout, resourcePolicy } from "./common";

/** Cognito's default password policy: at least 8 characters, upper case, lower case, number and symbol. */
export const COGNITO_DEFAULT_MIN_PASSWORD_LENGTH = 8;

const CLASSES = [
    ["requireUppercase", "an upper-case letter"],
    ["requireLowercase", "a lower-case letter"],
    ["requireNumbers", "a number"],
    ["requireSymbols", "a special character"],
] as const;

/**
 * The password policy is at least Cognito's default. No passwordPolicy at all means Cognito's default (passes);
 * inside a given passwordPolicy an absent requirement is off (the provider sends false).
 */
export const passwordPolicyStrength = resourcePolicy(
    POLICY_NAMES.passwordPolicy,
    USER_POOL_TYPE,
    "A user pool's password policy is at least Cognito's default: minimum length 8 or more, and upper case, lower case, numbers and special characters all required.",
    (args, report) => {
        const present = readKnown(() => args.props.passwordPolicy !== undefined && args.props.passwordPolicy !== null);
        if (present !== true) return; // absent: Cognito's default; unknown: judged on update
        const shortfalls: string[] = [];
        const min = readKnown(() => args.props.passwordPolicy.minimumLength as unknown);
        if (!isUnknown(min) && typeof min === "number" && min < COGNITO_DEFAULT_MIN_PASSWORD_LENGTH) {
            shortfalls.push(`minimumLength is ${min} (at least ${COGNITO_DEFAULT_MIN_PASSWORD_LENGTH})`);
        }
        for (const [key, what] of CLASSES) {
            const v = readKnown(() => args.props.passwordPolicy[key] as unknown);
            if (!isUnknown(v) && v !== true) {
                shortfalls.push(`${key} is ${v === undefined ? "absent (off)" : String(v)}: passwords need not contain ${what}`);
            }
        }
        if (shortfalls.length > 0) {
            reportAbout(report, args.type, ["passwordPolicy"],
                `${label(args)}: the password policy is weaker than Cognito's default:\n  - ${shortfalls.join("\n  - ")}\n` +
                    "  instead: minimum length 8 or more with all four character classes required (the seed's choice; it can be changed at any time).",
            );
        }
    },
);
