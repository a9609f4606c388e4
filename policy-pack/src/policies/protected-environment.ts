import { POLICY_NAMES } from "../catalogue";
import { isUnknown, readKnown } from "../fixed-settings/unknown";
import { formatValue } from "../messages";
import { label, protectedPoolPolicy } from "./common";

/** In a protected stack the pool has Pulumi's protect option and Cognito's deletion protection. */
export const protectedEnvironment = protectedPoolPolicy(
    POLICY_NAMES.protectedEnvironment,
    "In a protected environment (config protectedStacks, default staging and prod) a user pool has Pulumi's protect option and deletionProtection ACTIVE, so neither Pulumi nor anyone else can delete it with its users.",
    (args, report, stack) => {
        const what = `${label(args)} in protected stack "${stack}"`;
        if (args.opts?.protect !== true) {
            report(
                `${what}: Pulumi's protect option is off.\n` +
                    "  why: without it a preview or update that deletes or replaces the pool goes ahead, and the pool's users are gone.\n" +
                    "  instead: set protect on the pool (cognito-user-pool:protect: true in this stack's config).",
            );
        }
        const dp = readKnown(() => args.props.deletionProtection as unknown);
        if (!isUnknown(dp) && dp !== "ACTIVE") {
            report(
                `${what}: deletionProtection is ${formatValue(dp)}${dp === undefined ? " (Cognito's default: INACTIVE)" : ""}, not "ACTIVE".\n` +
                    "  why: without it Cognito deletes the pool on any DeleteUserPool call, from Pulumi or anyone else.\n" +
                    '  instead: set deletionProtection "ACTIVE" (userPool.deletionProtection: true in this stack\'s config).',
            );
        }
    },
);
