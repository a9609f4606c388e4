import * as cognito from "@pulumi/aws/cognito";
import * as pulumi from "@pulumi/pulumi";
import { identityProviderArgs, IdentityProviderSettings, ProviderKind } from "../config";

/*
 * The ProviderDetails keys Cognito adds to what it was sent, per provider type (API reference,
 * CreateIdentityProvider, the "Describe response" examples): the provider's Read stores them in its state
 * (identity_provider.go resourceIdentityProviderRead, `d.Set("provider_details", idp.ProviderDetails)`), so the
 * program, which does not declare them, would show their removal at every preview. pulumi-aws 7.48.0 patches a
 * DiffSuppressFunc (pulumi/pulumi-aws PR #6405, "Suppresses only absent AWS-returned defaults/read-only values for
 * Google and SAML provider details"; terraform-provider-aws identity_provider.go isReadOnlyOrDefaultIdentityProviderDetail):
 * Google's defaults, and SAML's ActiveEncryptionCertificate and, with MetadataFile only, SSORedirectBindingURI. The
 * others are ignored here (terraform-provider-aws #4831, #4807: the perpetual diff). An ignored key keeps its state
 * value as input, so an update resends it; Cognito takes them back (pulumi/pulumi-aws #679: "fully specify all the
 * attributes for providerDetails"). An OIDC endpoint the config declares is never ignored.
 * Not ignored: an Apple provider's private_key, which Describe never returns: the update it shows at each preview
 * resends the same key (ignoring it would drop the key from every later update).
 */
const oauthAdded = ["attributes_url", "attributes_url_add_attributes", "authorize_url", "token_request_method", "token_url"];
const cognitoAddedDetails: Readonly<Record<ProviderKind, readonly string[]>> = {
    google: [],
    facebook: oauthAdded,
    amazon: oauthAdded,
    apple: ["attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method", "token_url"],
    oidc: ["attributes_url_add_attributes", "authorize_url", "token_url", "attributes_url", "jwks_uri"],
    saml: ["SLORedirectBindingURI", "SSORedirectBindingURI"],
};

/** The `ignoreChanges` paths of a provider: the keys Cognito adds that the provider does not suppress and the config does not declare. */
export function ignoredDetails(provider: IdentityProviderSettings, declared: Readonly<Record<string, string>>): string[] {
    const suppressed = provider.type === "saml" && provider.metadataFile !== undefined ? ["SSORedirectBindingURI"] : [];
    return cognitoAddedDetails[provider.type]
        .filter((key) => !(key in declared) && !suppressed.includes(key))
        .map((key) => `providerDetails.${key}`);
}

export interface IdentityProvidersArgs {
    readonly providers: readonly IdentityProviderSettings[];
    readonly userPool: cognito.UserPool;
    readonly parent: pulumi.Resource;
    /** Existing ones to adopt: the pool's id and the providers' names. Default: none. */
    readonly adopt?: { readonly userPool?: string; readonly identityProviders: readonly string[] };
}

/**
 * The pool's identity providers by name, each named after its provider name (fixed at creation, with its type),
 * so that a change of its details, mapping or identifiers updates it in place. Its details hold credentials:
 * secret as an input and, since Read stores the client_secret Cognito returns, as an output too
 * (additionalSecretOutputs: "Only top-level resource properties can be designated secret", Pulumi docs).
 */
export function identityProviders(name: string, args: IdentityProvidersArgs): Readonly<Record<string, cognito.IdentityProvider>> {
    const { adopt, parent, userPool } = args;
    return Object.fromEntries(args.providers.map((provider) => {
        const { providerDetails, ...inputs } = identityProviderArgs(provider);
        const declared = providerDetails as Record<string, string>;
        // The provider imports an identity provider by `<pool id>:<name>` (identity_provider.go).
        const imported = adopt?.userPool !== undefined && adopt.identityProviders.includes(provider.name) ? `${adopt.userPool}:${provider.name}` : undefined;
        return [provider.name, new cognito.IdentityProvider(`${name}-identity-provider-${provider.name}`,
            { ...inputs, providerDetails: pulumi.secret(declared), userPoolId: userPool.id },
            { parent, import: imported, additionalSecretOutputs: ["providerDetails"], ignoreChanges: ignoredDetails(provider, declared) })];
    }));
}

/**
 * A client's SupportedIdentityProviders with each provider's name taken from its resource: the client then waits
 * for the providers it names, which must exist first ("The provider … does not exist for User Pool",
 * lgallard/terraform-aws-cognito-user-pool #71), and is updated before a provider it drops is deleted.
 */
export function supportedProvidersOf(names: readonly string[] | undefined,
    providers: Readonly<Record<string, cognito.IdentityProvider>>): pulumi.Input<string>[] | undefined {
    return names?.map((providerName) => providers[providerName]?.providerName ?? providerName);
}
