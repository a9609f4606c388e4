import { validateCognitoJwtFields } from "aws-jwt-verify/cognito-verifier";
import { assertIsJwks } from "aws-jwt-verify/jwk";
import { JwtVerifier } from "aws-jwt-verify/jwt-verifier";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import type { Json } from "aws-jwt-verify/safe-json-parse";

/** A pool's issuer and the app client whose tokens are accepted. */
export interface TokenAudience {
    /** The pool's issuer URL: `https://cognito-idp.<region>.amazonaws.com/<pool id>`, or cognito-local's. */
    readonly issuer: string;
    /** The pool's JWKS (a stack's `jwksUrl` output). Default: `<issuer>/.well-known/jwks.json`, where Cognito serves it. */
    readonly jwksUri?: string;
    readonly clientId: string;
}

export interface VerifiedClaims {
    readonly id: JwtPayload;
    readonly access: JwtPayload;
}

/**
 * Verifies a sign-in's ID and access tokens with aws-jwt-verify, as a back end would: the signature against the
 * pool's JWKS, the issuer, expiry, `token_use` and the client (`aud` of the ID
 * token, `client_id` of the access token): the checks of its CognitoJwtVerifier (aws-jwt-verify 5.2.1
 * cognito-verifier.js validateCognitoJwtFields), on JwtVerifier because CognitoJwtVerifier takes only pool ids of
 * AWS's form (`<region>_<id>`), not cognito-local's `local_<id>`. The JWKS is read with fetch: aws-jwt-verify's
 * own fetcher for Node speaks HTTPS only (https-node.js), and cognito-local serves HTTP.
 * Throws aws-jwt-verify's error for a token that fails any check.
 */
export async function verifyTokens(tokens: { readonly idToken: string; readonly accessToken: string }, audience: TokenAudience): Promise<VerifiedClaims> {
    const jwksUri = audience.jwksUri ?? `${audience.issuer}/.well-known/jwks.json`;
    const verifier = (tokenUse: "id" | "access") => JwtVerifier.create({
        issuer: audience.issuer,
        audience: null,
        jwksUri,
        customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse, clientId: audience.clientId }),
    });
    const jwks = await (await fetch(jwksUri)).json() as Json;
    assertIsJwks(jwks);
    const [id, access] = [verifier("id"), verifier("access")];
    id.cacheJwks(jwks);
    access.cacheJwks(jwks);
    return { id: await id.verify(tokens.idToken), access: await access.verify(tokens.accessToken) };
}
