import { z } from "zod";
import { parseDuration } from "./durations";

/*
 * An app client's access and ID tokens cannot outlive its refresh token, as aws-cdk-lib's UserPoolClient (AWS's
 * own library) checks at synthesis: aws-cognito/lib/user-pool-client.ts, configureTokenValidity, idTokenValidity
 * and accessTokenValidity between 5 minutes and refreshTokenValidity.
 */
export interface TokenValidityInput {
    readonly access: string;
    readonly id: string;
    readonly refresh: string;
}

export function checkTokenLifetimes(validity: TokenValidityInput, ctx: z.core.$RefinementCtx): void {
    const refresh = parseDuration(validity.refresh);
    for (const token of ["access", "id"] as const) {
        const lifetime = parseDuration(validity[token]);
        if (refresh !== undefined && lifetime !== undefined && lifetime.minutes > refresh.minutes) {
            ctx.addIssue({ code: "custom", path: [token], input: validity[token],
                message: `expected at most the refresh token's lifetime (refresh: ${validity.refresh})` });
        }
    }
}
