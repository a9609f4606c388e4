import type { UserPoolClientType } from "@aws-sdk/client-cognito-identity-provider";
import type { UserPoolClientArgs } from "@pulumi/aws/cognito";
import { z } from "zod";
import { problem, section, setting } from "./define";
import type { ReadContext } from "./read-back";
import { wholeNumber } from "./values";

/*
 * Refresh token rotation of an app client: aws.cognito.UserPoolClient `refreshTokenRotation`, read back from
 * DescribeUserPoolClient's RefreshTokenRotation.
 *
 * AWS (API reference, RefreshTokenRotationType,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html):
 * Feature ENABLED | DISABLED; RetryGracePeriodSeconds 0 to 60, "When RetryGracePeriodSeconds is 0, the grace
 * period is disabled"; "Refresh token rotation must be completed with GetTokensFromRefreshToken". No feature plan is
 * named there nor on the developer guide's refresh-token page: rotation has no tier rule here.
 *
 * terraform-provider-aws (internal/service/cognitoidp/user_pool_client.go, plugin framework, @ 01f43111): the
 * block is expanded into CreateUserPoolClient and UpdateUserPoolClient (in place; only generate_secret and
 * user_pool_id RequiresReplace). Its retry_grace_period_seconds is Optional without Computed, so ENABLED without
 * it fails the apply with "Provider produced inconsistent result after apply ... was null, but now
 * cty.NumberIntVal(0)" (terraform-provider-aws #50027, fix PR #50085 open): the program always sends it. Turning
 * rotation off is broken there too (removing the block fails UpdateUserPoolClient, #47196; DISABLED leaves an
 * inconsistent state, #43531/#45646): docs/tokens-and-logs.md says what to do instead.
 * @pulumi/aws 7.48.0 types/input.d.ts UserPoolClientRefreshTokenRotation: feature, retryGracePeriodSeconds.
 */

/** RefreshTokenRotationType RetryGracePeriodSeconds. */
export const gracePeriodRange = { min: 0, max: 60 } as const;

const gracePeriodSeconds = setting(wholeNumber(gracePeriodRange).default(0), {
    doc: "Seconds the refresh token just rotated out stays valid, for an app's retry; 0 invalidates it at once.",
    allowed: `${gracePeriodRange.min} to ${gracePeriodRange.max}`,
    input: ["refreshTokenRotation.feature", "refreshTokenRotation.retryGracePeriodSeconds"],
    describe: ["RefreshTokenRotation.Feature", "RefreshTokenRotation.RetryGracePeriodSeconds"],
});

const rotationSchema = z.strictObject({ gracePeriodSeconds: gracePeriodSeconds.schema }).optional();

/** The rotation as a stack file writes it, and parsed. */
export type RefreshTokenRotationInput = z.input<typeof rotationSchema>;
export type RefreshTokenRotationSettings = z.output<typeof rotationSchema>;

/** The client's rotation input; none without rotation. */
export function refreshTokenRotationArgs(rotation: RefreshTokenRotationSettings): Pick<UserPoolClientArgs, "refreshTokenRotation"> {
    return rotation === undefined ? {} : { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: rotation.gracePeriodSeconds } };
}

/** The client's rotation read back from DescribeUserPoolClient; nothing when it is not ENABLED. */
export function refreshTokenRotationFromDescribed(client: UserPoolClientType, context: ReadContext): RefreshTokenRotationInput {
    const rotation = client.RefreshTokenRotation;
    if (rotation?.Feature !== "ENABLED") {
        return undefined;
    }
    if (rotation.RetryGracePeriodSeconds === undefined) {
        context.note("RefreshTokenRotation.RetryGracePeriodSeconds", "not reported: assumed 0, the grace period disabled");
    }
    return { gracePeriodSeconds: rotation.RetryGracePeriodSeconds ?? 0 };
}

export const refreshTokenRotation = section({ gracePeriodSeconds }, {
    doc: "Refresh token rotation: each refresh (GetTokensFromRefreshToken) returns a new refresh token and invalidates the one " +
        "used. Needs `authFlows` without `refresh_token`. Default: none, refresh tokens are reused until they expire. " +
        "See [Refresh token rotation](tokens-and-logs.md#refresh-token-rotation).",
    wrap: (object) => object.optional(),
});

/**
 * "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled" (developer
 * guide, amazon-cognito-user-pools-using-the-refresh-token.html): with rotation, the refresh_token flow is dead, and
 * an app still calling InitiateAuth REFRESH_TOKEN_AUTH would lose its users' sessions at the first refresh.
 */
export function checkRotationFlows(client: { authFlows: readonly string[]; refreshTokenRotation?: RefreshTokenRotationSettings },
    ctx: z.RefinementCtx): void {
    if (client.refreshTokenRotation !== undefined && client.authFlows.includes("refresh_token")) {
        problem(ctx, ["authFlows"], client.authFlows, "refresh_token (REFRESH_TOKEN_AUTH) cannot be used with refreshTokenRotation: " +
            "Cognito refreshes such a client's tokens only with GetTokensFromRefreshToken; remove refresh_token from authFlows, " +
            "or remove refreshTokenRotation");
    }
}
