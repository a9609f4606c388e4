import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { label, reportAbout, protectedPoolPolicy } from "./common";

/** In a protected stack, MFA is not OFF (absent is OFF, the provider's default). */
export const mfaInProtectedStack = protectedPoolPolicy(
    POLICY_NAMES.mfaInProtectedStack,
    "In a protected environment (config protectedStacks) a user pool offers MFA: mfaConfiguration OPTIONAL or ON rather than OFF.",
    (args, report, stack) => {
        const mfa = readKnown(() => args.props.mfaConfiguration as unknown);
        if (isUnknown(mfa) || (mfa !== undefined && mfa !== null && mfa !== "OFF")) return;
        reportAbout(report, args.type, ["mfaConfiguration"],
            `${label(args)} in protected stack "${stack}": mfaConfiguration is ${mfa === undefined || mfa === null ? "absent (OFF)" : '"OFF"'}.\n` +
                "  why: a stolen or guessed password is then enough to sign in to a production account.\n" +
                '  instead: set mfaConfiguration "OPTIONAL" (users may enrol, e.g. TOTP) or "ON" (can be changed at any time).',
        );
    },
);
