import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { formatValue } from "../messages";
import { USER_POOL_CLIENT_TYPE, label, reportAbout, resourcePolicy } from "./common";

/** preventUserExistenceErrors is ENABLED; absent counts as LEGACY, the API's default for a new client. */
export const preventUserExistenceErrors = resourcePolicy(
    POLICY_NAMES.preventUserExistenceErrors,
    USER_POOL_CLIENT_TYPE,
    'An app client sets preventUserExistenceErrors "ENABLED", so a failed sign-in or password reset does not reveal whether the user exists.',
    (args, report) => {
        const v = readKnown(() => args.props.preventUserExistenceErrors as unknown);
        if (isUnknown(v) || v === "ENABLED") return;
        reportAbout(report, args.type, ["preventUserExistenceErrors"],
            `${label(args)}: preventUserExistenceErrors is ${formatValue(v)}${v === undefined ? " (Cognito's API default for a new client: LEGACY)" : ""}.\n` +
                "  why: with LEGACY, sign-in and password-reset errors tell an attacker which user names exist.\n" +
                '  instead: set preventUserExistenceErrors "ENABLED" (can be changed at any time).',
        );
    },
);
