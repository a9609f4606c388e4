import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { USER_POOL_CLIENT_TYPE, label, reportAbout, resourcePolicy } from "./common";

/** enableTokenRevocation is not false; absent is Cognito's default for a new client, which is on. */
export const tokenRevocation = resourcePolicy(
    POLICY_NAMES.tokenRevocation,
    USER_POOL_CLIENT_TYPE,
    "An app client keeps token revocation on (enableTokenRevocation), so signing out revokes its refresh tokens.",
    (args, report) => {
        const v = readKnown(() => args.props.enableTokenRevocation as unknown);
        if (isUnknown(v) || v === undefined || v === null || v === true) return;
        reportAbout(report, args.type, ["enableTokenRevocation"],
            `${label(args)}: enableTokenRevocation is ${String(v)}.\n` +
                "  why: without it a refresh token stays valid after sign-out until it expires (up to the refresh token validity).\n" +
                "  instead: set enableTokenRevocation true (adds the jti/origin_jti claims; can be changed at any time).",
        );
    },
);
