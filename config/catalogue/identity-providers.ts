import type { IdentityProviderType } from "@aws-sdk/client-cognito-identity-provider";
import type { IdentityProviderArgs } from "@pulumi/aws/cognito";
import { IDENTITY_PROVIDER_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { keyOf } from "../rules/problems";
import { listOf, problem, setting, Setting } from "./define";
import type { ReadContext } from "./read-back";
import { uniqueNames } from "./values";
import { withoutUnset } from "./without-unset";

/*
 * Identity providers (federation): aws.cognito.IdentityProvider inputs, read back with DescribeIdentityProvider.
 *
 * CreateIdentityProvider (API reference,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html, and
 * its model in @aws-sdk/client-cognito-identity-provider 3.1169.0, models_0.d.ts CreateIdentityProviderRequest):
 * - ProviderType one of SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC.
 * - ProviderName (ProviderNameTypeV2): 3 to 32 characters of `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+`.
 *   A social provider's name is its type: "Provider NameOfGP cannot be of type Google" (aws/aws-cli #3179,
 *   hashicorp/terraform-provider-aws #4822), so a pool has at most one of each.
 * - ProviderDetails per type: Google and LoginWithAmazon client_id, client_secret, authorize_scopes; Facebook also
 *   api_version ("authorize_scopes": "public_profile, email", comma-separated); SignInWithApple client_id, team_id,
 *   key_id, private_key, authorize_scopes; OIDC client_id, client_secret, attributes_request_method, oidc_issuer,
 *   authorize_scopes, and attributes_url, authorize_url, jwks_uri, token_url "when it can't discover endpoint URLs
 *   from oidc_issuer"; SAML MetadataURL or MetadataFile, IDPSignout, IDPInit, EncryptedResponses,
 *   RequestSigningAlgorithm ("rsa-sha256"). The keys Cognito adds (attributes_url_add_attributes, read only;
 *   ActiveEncryptionCertificate, which UpdateIdentityProvider refuses: terraform-provider-aws PR #36311) are no
 *   settings: the strict schema refuses them as unknown keys.
 * - AttributeMapping keys 1 to 32 characters (AttributeMappingKeyType); IdpIdentifiers at most 50, each 1 to 40
 *   characters of `[\w\s+=.@-]+` (IdpIdentifiersListType, IdpIdentifierType).
 * terraform-provider-aws internal/service/cognitoidp/identity_provider.go (resourceIdentityProvider): provider_name,
 * provider_type and user_pool_id ForceNew; the import id is `<user pool id>:<provider name>`
 * (identityProviderParseResourceID splits on ":" into exactly two parts), so a name holding ":" could never be
 * imported or read back: refused.
 */

/** The config's provider types and the API's ProviderType of each. */
export const providerTypes = {
    google: "Google",
    apple: "SignInWithApple",
    facebook: "Facebook",
    amazon: "LoginWithAmazon",
    oidc: "OIDC",
    saml: "SAML",
} as const;
export type ProviderKind = keyof typeof providerTypes;
const kinds = Object.keys(providerTypes) as ProviderKind[];
const social: readonly ProviderKind[] = ["google", "apple", "facebook", "amazon"];
const oauthKinds: readonly ProviderKind[] = ["google", "apple", "facebook", "amazon", "oidc"];

/** The settings whose values are credentials: they must come from `secure:` config (config/rules/identity-providers.ts). */
export const secretDetails = ["clientSecret", "privateKey"] as const;

/**
 * What stands for a credential read back from AWS: the value the stack-file reader gives a `secure:` value and the
 * AWS reader a client secret ("[secret]"), which the program refuses until the credential is set as a secret.
 */
export const credentialPlaceholder = "[secret]";

const namePattern = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]{1,30}$/u;
const providerName = z.string()
    .regex(namePattern, { error: "expected 3 to 32 letters, digits, symbols or punctuation, no spaces, `_` only as the second character" })
    .refine((name) => !name.includes(":"), { error: "expected no \":\" (the provider imports an identity provider by `<pool id>:<name>`)" })
    .refine((name) => name !== "COGNITO", { error: "expected a name other than COGNITO, which app clients use for the pool's own users" });

const text = z.string().min(1, { error: "expected a non-empty string" });
const https = z.url({ protocol: /^https$/, error: "expected an https:// URL" });
const scope = z.string().regex(/^[^\s,]+$/, { error: "expected a scope without spaces or commas" });

/** One key of ProviderDetails: the config key, its API key, the types that take it and those that need it. */
interface Detail {
    readonly key: string;
    readonly schema: z.ZodType;
    readonly doc: string;
    readonly allowed?: string;
    readonly defaultText?: string;
    readonly types: readonly ProviderKind[];
    readonly requiredFor?: readonly ProviderKind[];
    /** Never described: "Describe operations don't return the private key" (API reference, IdentityProviderType). */
    readonly writeOnly?: true;
}

const details = {
    clientId: { key: "client_id", schema: text, doc: "The app's id at the provider (Apple: its services id).",
        types: oauthKinds, requiredFor: oauthKinds },
    clientSecret: { key: "client_secret", schema: text, doc: "The app's secret at the provider: set it `secure:` (`pulumi config set --secret --path`).",
        types: ["google", "facebook", "amazon", "oidc"], requiredFor: ["google", "facebook", "amazon", "oidc"] },
    scopes: { key: "authorize_scopes", schema: z.array(scope).min(1, { error: "expected at least one scope" }),
        doc: "Scopes requested from the provider (Google: `openid email profile`; Apple: `email name`; Facebook: `public_profile email`).",
        allowed: "a list of scopes the provider defines", types: oauthKinds, requiredFor: oauthKinds },
    teamId: { key: "team_id", schema: text, doc: "Apple developer team id.", types: ["apple"], requiredFor: ["apple"] },
    keyId: { key: "key_id", schema: text, doc: "Id of the Sign in with Apple private key.", types: ["apple"], requiredFor: ["apple"] },
    privateKey: { key: "private_key", schema: text, doc: "The Sign in with Apple private key (PEM): set it `secure:`.",
        types: ["apple"], requiredFor: ["apple"], writeOnly: true },
    apiVersion: { key: "api_version", schema: z.string().regex(/^v\d+\.\d+$/, { error: "expected a Graph API version like v17.0" }),
        doc: "Facebook Graph API version.", defaultText: "Cognito's", types: ["facebook"] },
    issuer: { key: "oidc_issuer", schema: https, doc: "The OIDC issuer URL; Cognito discovers the endpoints from it.",
        types: ["oidc"], requiredFor: ["oidc"] },
    attributesRequestMethod: { key: "attributes_request_method", schema: z.enum(["GET", "POST"]),
        doc: "How Cognito calls the provider's userInfo endpoint.", defaultText: "GET", types: ["oidc"] },
    authorizeUrl: { key: "authorize_url", schema: https, doc: "Authorization endpoint, when the issuer does not publish one.", types: ["oidc"] },
    tokenUrl: { key: "token_url", schema: https, doc: "Token endpoint, when the issuer does not publish one.", types: ["oidc"] },
    attributesUrl: { key: "attributes_url", schema: https, doc: "userInfo endpoint, when the issuer does not publish one.", types: ["oidc"] },
    jwksUri: { key: "jwks_uri", schema: https, doc: "JSON web key set URL, when the issuer does not publish one.", types: ["oidc"] },
    metadataUrl: { key: "MetadataURL", schema: https, doc: "URL of the SAML IdP's metadata document.", allowed: "an https:// URL; this or metadataFile",
        types: ["saml"] },
    metadataFile: { key: "MetadataFile", schema: text, doc: "The SAML IdP's metadata document itself (XML).", allowed: "the XML; this or metadataUrl",
        types: ["saml"] },
    signOut: { key: "IDPSignout", schema: z.boolean(), doc: "Signing out of the app signs the user out of the SAML IdP too.",
        defaultText: "false", types: ["saml"] },
    idpInitiated: { key: "IDPInit", schema: z.boolean(), doc: "Accept sign-in started at the SAML IdP (IdP-initiated).", defaultText: "false", types: ["saml"] },
    encryptedResponses: { key: "EncryptedResponses", schema: z.boolean(), doc: "Require encrypted SAML assertions.", defaultText: "false",
        types: ["saml"] },
    requestSigningAlgorithm: { key: "RequestSigningAlgorithm", schema: z.literal("rsa-sha256", { error: "expected rsa-sha256" }),
        doc: "Sign SAML requests with this algorithm.", defaultText: "unsigned", types: ["saml"] },
} satisfies Record<string, Detail>;
type DetailName = keyof typeof details;
const detailEntries = Object.entries(details) as [DetailName, Detail][];

/** The ProviderDetails keys (the API's names) a type of provider takes. */
export function detailKeysOf(kind: ProviderKind): string[] {
    return detailEntries.filter(([, detail]) => detail.types.includes(kind)).map(([, detail]) => detail.key);
}

/** The API's details a SAML provider always gets: its booleans are sent as "true" or "false" either way. */
const samlFlags = ["signOut", "idpInitiated", "encryptedResponses"] as const satisfies readonly DetailName[];

const detailSettings = Object.fromEntries(detailEntries.map(([name, detail]) => [name, setting(detail.schema.optional(), {
    doc: detail.doc,
    allowed: detail.allowed ?? `${detail.types.length === oauthKinds.length ? "OAuth providers" : detail.types.join(", ")}` +
        (detail.requiredFor ? " (required)" : ""),
    ...(detail.defaultText ? { defaultText: detail.defaultText } : {}),
    input: `providerDetails.${detail.key}`,
    ...(detail.writeOnly ? {} : { describe: `ProviderDetails.${detail.key}` }),
})])) as { [K in DetailName]: Setting<z.ZodOptional<(typeof details)[K]["schema"]>> };

const attributeName = z.string().min(1).max(32, { error: "expected a pool attribute name of at most 32 characters" });
const claimName = z.string().min(1, { error: "expected the provider's claim name" }).max(131_072);
const idpIdentifier = z.string().regex(/^[\w\s+=.@-]{1,40}$/, { error: "expected 1 to 40 letters, digits, spaces or + = . @ - _" });

export const identityProviders = listOf({
    name: setting(providerName, {
        doc: "The provider's name, which app clients list in `oauth.identityProviders`; a social provider's is its type's " +
            "(Google, SignInWithApple, Facebook, LoginWithAmazon). Fixed at creation: federated users' profiles are named after it.",
        allowed: "3 to 32 characters, no spaces, no `:`; a social provider's API type",
        input: "providerName",
        describe: "ProviderName",
    }),
    type: setting(z.enum(kinds), {
        doc: "google, apple, facebook, amazon, oidc or saml. Fixed at creation.",
        input: "providerType",
        describe: "ProviderType",
    }),
    ...detailSettings,
    attributeMapping: setting(z.record(attributeName, claimName).optional(), {
        doc: "Pool attribute → the provider's claim (`email: email`, `username: sub`), updated at every federated sign-in. " +
            "Cognito keeps a deployed mapping that is left out (the provider's attribute_mapping is Computed): change it, don't remove it.",
        allowed: "keys: `username`, standard attributes, `custom:<declared name>`; mutable, writable by each client that offers the provider, " +
            "and every required attribute mapped",
        defaultText: "none",
        input: "attributeMapping",
        describe: "AttributeMapping",
    }),
    idpIdentifiers: setting(z.array(idpIdentifier).max(50, { error: "expected at most 50 identifiers" }).optional(), {
        doc: "Identifiers (email domains) that route a user to this provider at sign-in.",
        allowed: "at most 50, each 1 to 40 letters, digits, spaces or `+ = . @ - _`; unique in the pool",
        defaultText: "none",
        input: "idpIdentifiers",
        describe: "IdpIdentifiers",
    }),
}, {
    doc: "Identity providers users may sign in with (federation): Google, Apple, Facebook, Amazon, OIDC, SAML. Default: none. " +
        "See [Identity providers](identity-providers.md).",
    resourceType: IDENTITY_PROVIDER_TYPE,
    // Each stack has its own app at each provider (its own redirect URL, its own secret).
    scope: "per-environment",
    checks: [(provider, ctx) => {
        const { type } = provider;
        if (social.includes(type) && provider.name !== providerTypes[type]) {
            problem(ctx, ["name"], provider.name, `expected ${providerTypes[type]}: Cognito names a ${type} provider after its type`);
        }
        for (const [name, detail] of detailEntries) {
            const value = provider[name];
            const shown = (secretDetails as readonly string[]).includes(name) ? "[secret]" : value;
            if (value !== undefined && !detail.types.includes(type)) {
                problem(ctx, [name], shown, `${type} providers take no ${name} (it is for ${detail.types.join(", ")})`);
            }
            if (value === undefined && detail.requiredFor?.includes(type)) {
                problem(ctx, [name], undefined, `${type} providers need ${name}`);
            }
        }
        if (type === "saml" && (provider.metadataUrl === undefined) === (provider.metadataFile === undefined)) {
            problem(ctx, ["metadataUrl"], provider.metadataUrl, "saml providers need exactly one of metadataUrl and metadataFile");
        }
    }],
    wrap: (provider) => uniqueNames(z.array(provider).max(300, { error: "expected at most 300 identity providers (Cognito's quota per pool)" }),
        "identity provider")
        .superRefine((providers, ctx) => {
            const owners = new Map<string, string>();
            providers.forEach((provider, index) => (Array.isArray(provider.idpIdentifiers) ? provider.idpIdentifiers : []).forEach((identifier, position) => {
                const owner = owners.get(identifier);
                if (owner !== undefined) {
                    problem(ctx, [index, "idpIdentifiers", position], identifier,
                        `expected an identifier no other provider has (${owner} has it): Cognito routes an identifier to one provider`);
                }
                owners.set(identifier, provider.name);
            }));
        }, { when: (payload) => Array.isArray(payload.value) && payload.value.every((item) => item !== null && typeof item === "object") })
        .default([]),
});

/** An identity provider's settings, parsed (defaults applied). */
export type IdentityProviderSettings = z.output<typeof identityProviders.schema>[number];
/** An identity provider as a stack file writes it. */
export type IdentityProviderInput = NonNullable<z.input<typeof identityProviders.schema>>[number];

/** Facebook's scopes are comma-separated (API reference example "public_profile, email"); every other provider's space-separated. */
const scopeSeparator = (type: ProviderKind) => type === "facebook" ? ", " : " ";

/** The ProviderDetails of a provider's settings, each key as the API names it, every value a string. */
function providerDetailsOf(provider: IdentityProviderSettings): Record<string, string> {
    const sent = detailEntries.flatMap(([name, detail]): [string, string][] => {
        const value = provider[name];
        if (value === undefined) {
            return [];
        }
        return [[detail.key, Array.isArray(value) ? value.join(scopeSeparator(provider.type)) : String(value)]];
    });
    // Sent either way, so that Describe reports what was declared (Cognito fills in a default otherwise).
    const defaults: [string, string][] = provider.type === "saml"
        ? samlFlags.filter((name) => provider[name] === undefined).map((name) => [details[name].key, "false"])
        : provider.type === "oidc" && provider.attributesRequestMethod === undefined ? [[details.attributesRequestMethod.key, "GET"]] : [];
    return Object.fromEntries([...sent, ...defaults]);
}

/** A provider's aws.cognito.IdentityProvider inputs (its pool's id is the caller's). */
export function identityProviderArgs(provider: IdentityProviderSettings): Omit<IdentityProviderArgs, "userPoolId"> {
    return withoutUnset({
        providerName: provider.name,
        providerType: providerTypes[provider.type],
        providerDetails: providerDetailsOf(provider),
        attributeMapping: provider.attributeMapping,
        idpIdentifiers: provider.idpIdentifiers?.length ? provider.idpIdentifiers : undefined,
    });
}

const kindOf = (type: string | undefined) => kinds.find((kind) => providerTypes[kind] === type);

/** A detail's setting from the API's string: lists split, booleans parsed; a default Cognito was sent left out. */
function detailFrom(name: DetailName, value: string, kind: ProviderKind): unknown {
    if (name === "scopes") {
        return value.split(/[\s,]+/).filter((scope) => scope !== "");
    }
    if ((samlFlags as readonly string[]).includes(name)) {
        return value === "true" ? true : undefined;
    }
    if (name === "attributesRequestMethod" && value === "GET") {
        return undefined;
    }
    return (details[name].types as readonly ProviderKind[]).includes(kind) ? value : undefined;
}

/**
 * A provider's settings read back from DescribeIdentityProvider's IdentityProvider. The keys Cognito adds itself
 * (attributes_url_add_attributes, the endpoints it knows for a social provider, a SAML provider's
 * ActiveEncryptionCertificate and binding URIs) are no settings and are left out. A credential Describe never
 * returns (an Apple private key) reads as the placeholder, noted.
 */
export function identityProviderFromDescribed(described: IdentityProviderType, context: ReadContext): IdentityProviderInput | undefined {
    const kind = kindOf(described.ProviderType);
    if (kind === undefined || described.ProviderName === undefined) {
        context.gap("ProviderType", described.ProviderType, `the config model has ${Object.values(providerTypes).join(", ")}`);
        return undefined;
    }
    const returned = described.ProviderDetails ?? {};
    const read = Object.fromEntries(detailEntries.flatMap(([name, detail]) => {
        const value = returned[detail.key];
        // An OIDC provider's endpoints Cognito discovered are read as declared: the same endpoints, no diff.
        return value === undefined ? [] : [[name, detailFrom(name, value, kind)]];
    }));
    const writeOnly = detailEntries.filter(([, detail]) => detail.writeOnly && detail.types.includes(kind)).map(([name]) => name);
    for (const name of writeOnly) {
        context.note(name, "never described by AWS: set it with `pulumi config set --secret --path`");
    }
    const mapping = described.AttributeMapping ?? {};
    return withoutUnset({
        name: described.ProviderName,
        type: kind,
        ...withoutUnset(read),
        ...Object.fromEntries(writeOnly.map((name) => [name, credentialPlaceholder])),
        attributeMapping: Object.keys(mapping).length > 0 ? mapping : undefined,
        idpIdentifiers: described.IdpIdentifiers?.length ? described.IdpIdentifiers : undefined,
    }) as IdentityProviderInput;
}

/**
 * The program refuses a provider's credential written in plain text: the engine tells the program which config keys
 * are secret (../pulumi-config.ts loadSecretKeys), and a key is secret as a whole, so `identityProviders` must be
 * one when any provider has a clientSecret or privateKey. Refused rather than warned: a plaintext value sits in the
 * stack file, in git, for good (the key to rotate). A secure value beside a plain one in the same list cannot be told
 * apart by the program; docs/identity-providers.md says to set each with `pulumi config set --secret --path`.
 */
export function plaintextSecretProblems(providers: readonly IdentityProviderSettings[], secretKeys: readonly string[]): string[] {
    if (secretKeys.includes("identityProviders")) {
        return [];
    }
    return providers.flatMap((provider, index) => secretDetails.filter((setting) => provider[setting] !== undefined).map((setting) =>
        `${keyOf(["identityProviders", index, setting])}: got a value in plain text; expected a secret: set it with ` +
        `\`pulumi config set --secret --path 'identityProviders[${index}].${setting}'\` (${provider.name}'s credential would be in the stack file and the state)`));
}
