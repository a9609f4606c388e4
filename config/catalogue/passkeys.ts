import type * as cognito from "@pulumi/aws/cognito";
import type { WebAuthnConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { problem, section, setting } from "./define";
import type { ReadContext } from "./read-back";

/*
 * Passkeys (WebAuthn): the pool's webAuthnConfiguration, sent by the provider with SetUserPoolMfaConfig and read
 * back with GetUserPoolMfaConfig (terraform-provider-aws internal/service/cognitoidp/user_pool.go @ 015edb13,
 * resourceUserPoolCreate/Update and flattenWebAuthnConfigType; not ForceNew, not Computed: an omitted relying
 * party id is not in the plan while AWS reports one, so the program always sends it).
 * AWS WebAuthnConfigurationType (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html):
 * RelyingPartyId 1 to 127 characters, "typically your user pool domain"; UserVerification `required | preferred`;
 * "To activate this setting, your user pool must be in the Essentials tier or higher."
 */

export const userVerifications = ["preferred", "required"] as const;

/** A domain name of at most 127 characters (WebAuthnConfigurationType.RelyingPartyId), lower-case, at least two labels. */
const relyingPartyId = z.string()
    .regex(/^(?=.{1,127}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        { error: "expected a lower-case domain name of at most 127 characters, like auth.example.com (no scheme, port or path)" });

export const passkeys = section({
    relyingPartyId: setting(relyingPartyId.optional(), {
        doc: "The relying party id passkeys are registered for: a passkey works only under this domain, so changing it " +
            "makes every registered passkey unusable (the pack guards it).",
        defaultText: "the pool's domain: a custom domain's name, or `<prefix>.auth.<region>.amazoncognito.com`",
        allowed: "a lower-case domain name of at most 127 characters",
        input: "webAuthnConfiguration.relyingPartyId",
        describe: "MfaConfig.WebAuthnConfiguration.RelyingPartyId",
    }),
    userVerification: setting(z.enum(userVerifications).default("preferred"), {
        doc: "required: only authenticators that verify the user (PIN, biometrics) may register and sign in; preferred: encouraged, not required.",
        input: "webAuthnConfiguration.userVerification",
        describe: "MfaConfig.WebAuthnConfiguration.UserVerification",
    }),
}, {
    doc: "Passkeys, offered when `firstAuthFactors` has web_authn (needs tier essentials or plus). Kept while set, so that " +
        "a stack that stops offering passkeys keeps their relying party. Default: none. See [Passkeys](passkeys.md).",
    wrap: (object) => object.optional(),
});

/** The pool's passkey settings, as the schema gives them. */
export interface PasskeySettings {
    readonly relyingPartyId?: string;
    readonly userVerification: (typeof userVerifications)[number];
}

/** The pool's domain as the stack's `domain` key gives it. */
interface DomainOfPool {
    readonly prefix?: string;
    readonly name?: string;
}

/**
 * The relying party id a pool's passkeys get without one written: its domain. A custom domain's name
 * (CreateUserPoolDomain, CustomDomainConfig: "When you create a custom domain, the passkey RP ID defaults to the custom
 * domain"; https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html);
 * for a prefix domain its whole host name, `prefix.auth.<region>.amazoncognito.com` ("All prefix domains follow this
 * format", developer guide cognito-user-pools-assign-domain-prefix.html), since `auth.<region>.amazoncognito.com` is a
 * public suffix (same page, "Public Suffix List") and a WebAuthn RP id may not be one.
 */
export function domainRelyingPartyId(domain: DomainOfPool | undefined, region: string | undefined): string | undefined {
    if (domain?.name !== undefined) {
        return domain.name;
    }
    return domain?.prefix !== undefined && region !== undefined ? `${domain.prefix}.auth.${region}.amazoncognito.com` : undefined;
}

/** What the pool's passkey settings depend on besides their own key. */
interface PasskeyContext {
    readonly passkeys?: PasskeySettings;
    readonly firstAuthFactors?: readonly string[];
    readonly domain?: DomainOfPool;
}

/**
 * The passkey settings the pool is given: none when neither `passkeys` nor a web_authn first factor asks for them,
 * else with the relying party id written or the domain's. Undefined relyingPartyId: nothing to default from
 * (passkeyProblems reports it).
 */
export function resolvePasskeys(settings: PasskeyContext, region: string | undefined): PasskeySettings | undefined {
    if (settings.passkeys === undefined && !(settings.firstAuthFactors ?? []).includes("web_authn")) {
        return undefined;
    }
    const written = settings.passkeys ?? { userVerification: "preferred" as const };
    const relyingPartyId = written.relyingPartyId ?? domainRelyingPartyId(settings.domain, region);
    return { ...written, ...(relyingPartyId === undefined ? {} : { relyingPartyId }) };
}

/** The problems of passkeys in a stack's context (its region): a relying party id that cannot be defaulted. */
export function passkeyProblems(settings: PasskeyContext, region: string | undefined): { path: string[]; message: string }[] {
    const resolved = resolvePasskeys(settings, region);
    if (resolved === undefined || resolved.relyingPartyId !== undefined) {
        return [];
    }
    return [{
        path: ["passkeys", "relyingPartyId"],
        message: settings.domain?.prefix !== undefined
            ? "the relying party id of a prefix domain names its region: set aws:region, or write passkeys.relyingPartyId"
            : "passkeys need a relying party id: add domain (passkeys then use its name), or write passkeys.relyingPartyId, the domain your app signs in on",
    }];
}

/** What the stack-level rules between passkeys and the rest of the pool see. */
interface PasskeyRuleInput extends PasskeyContext {
    readonly mfa: { readonly mode: string };
    readonly clients: readonly { readonly oauth?: unknown }[];
}

/**
 * Rules between passkeys and the pool's other keys, each with its source (the tier rule is firstAuthFactors').
 * - Required MFA: WebAuthnMfaSettingsType says passkey sign-in "is available when MFA is required" only with passkey
 *   MFA (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html),
 *   whose pool setting (WebAuthnConfiguration.FactorConfiguration) @pulumi/aws 7.48.0 cannot send (types/input.d.ts
 *   UserPoolWebAuthnConfiguration has relyingPartyId and userVerification only). Read as: web_authn with required MFA
 *   would not sign anyone in; refused (an inference from that page, failing closed).
 * - Custom domain: "the passkey relying party ID must be the fully-qualified domain name of your custom domain" when
 *   the pool has one and the app signs in with managed login or the hosted UI (WebAuthnConfigurationType); a client
 *   with OAuth flows signs in there.
 */
export function checkPasskeys(settings: PasskeyRuleInput, ctx: z.RefinementCtx): void {
    if ((settings.firstAuthFactors ?? []).includes("web_authn") && settings.mfa.mode === "required") {
        problem(ctx, ["firstAuthFactors"], settings.firstAuthFactors,
            "passkey sign-in is not available while MFA is required (Cognito needs passkey MFA for it, which @pulumi/aws 7.48 cannot configure): " +
            "set mfa.mode to optional or off, or remove web_authn");
    }
    const written = settings.passkeys?.relyingPartyId;
    const customDomain = settings.domain?.name;
    if (customDomain !== undefined && written !== undefined && written !== customDomain && settings.clients.some((client) => client.oauth !== undefined)) {
        problem(ctx, ["passkeys", "relyingPartyId"], written,
            `with the custom domain ${customDomain}, passkeys in the hosted sign-in pages need it as their relying party id: remove passkeys.relyingPartyId or write ${customDomain}`);
    }
}

/** The pool inputs of resolved passkey settings (webAuthnConfiguration), none without them. */
export function passkeysArgs(passkeys: PasskeySettings | undefined): Pick<cognito.UserPoolArgs, "webAuthnConfiguration"> {
    return passkeys === undefined ? {} : {
        webAuthnConfiguration: { relyingPartyId: passkeys.relyingPartyId, userVerification: passkeys.userVerification },
    };
}

/**
 * A pool's passkey settings from GetUserPoolMfaConfig's WebAuthnConfiguration: none when it reports no relying party
 * id (passkeys never configured), else the id as reported, written explicitly so that the adopted stack keeps it.
 */
export function passkeysFromDescribed(described: WebAuthnConfigurationType | undefined, context: ReadContext): PasskeySettings | undefined {
    const id = described?.RelyingPartyId;
    if (id === undefined || id === "") {
        if (described?.UserVerification === "required") {
            context.gap("MfaConfig.WebAuthnConfiguration.UserVerification", "required", "passkey settings without a relying party id: the config model writes both");
        }
        return undefined;
    }
    const verification = userVerifications.find((value) => value === described?.UserVerification);
    if (verification === undefined && described?.UserVerification !== undefined) {
        context.gap("MfaConfig.WebAuthnConfiguration.UserVerification", described.UserVerification, `expected ${userVerifications.join(" or ")}`);
    }
    return { relyingPartyId: id, userVerification: verification ?? "preferred" };
}
