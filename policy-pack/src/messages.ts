import { README_FIXED_SECTION } from "./catalogue";
import { FixedSettingChange } from "./fixed-settings/compare";

/** A value in a message: JSON for lists, objects and strings; "(absent)" when there is none. */
export function formatValue(v: unknown): string {
    if (v === undefined) return "(absent)";
    return JSON.stringify(v);
}

/** `UserPool "auth-pool" (urn:…)`: the resource as a reader finds it in the program and in `pulumi preview`. */
export function resourceLabel(type: string, name: string, urn: string): string {
    const short = type.split(":").pop() ?? type;
    return `${short} "${name}" (${urn})`;
}

/** The message for a fixed setting the program changed: resource, setting, both values, why, what instead. */
export function fixedSettingMessage(resource: string, change: FixedSettingChange): string {
    const keep =
        change.deployed === undefined
            ? `leave ${change.setting} out again`
            : change.proposed === undefined
              ? `keep ${change.setting} declared as deployed`
              : `keep ${change.setting} at the deployed value ${formatValue(change.deployed)}`;
    return [
        `${resource}: ${change.setting} ${HEADLINE[change.effect]} and differs from what is deployed.`,
        `  deployed: ${formatValue(change.deployed)}`,
        `  new:      ${formatValue(change.proposed)}`,
        `  why: ${change.reason}.`,
        `  instead: ${keep} in this stack's config; or ${REPLACE_INSTEAD[change.group]}. See ${README_FIXED_SECTION}.`,
        `  input: \`${change.setting}\``,
    ].join("\n");
}

const HEADLINE: Record<FixedSettingChange["effect"], string> = {
    replaces: "is fixed at creation",
    "update-fails": "is fixed at creation",
    invalidates: "holds what users registered under it",
};

const REPLACE_INSTEAD: Record<FixedSettingChange["group"], string> = {
    // The program's successor key builds that pool and migrates the users lazily (root README).
    "sign-in": "create a new pool beside the deployed one and migrate its users to it: put signIn back as deployed and add " +
        "`cognito-user-pool:successor: {name: <a new pool name>, signIn: <the new signIn>}`",
    attributes: "create a new pool beside the deployed one and migrate its users to it: put attributes back as deployed and add " +
        "`cognito-user-pool:successor: {name: <a new pool name>, attributes: <the new attributes>}`",
    region: "create the new resources in the new region beside the deployed ones (for a pool: migrate its users), then retire the old ones",
    client: "add a new client (a new logical name) beside the deployed one, move every app to its client id, then remove the old client",
    sender: "create and verify the new identity first (outside this stack, or as a new resource beside the deployed one), " +
        "point the pool's emailConfiguration.sourceArn at it, then remove the old identity",
    group: "add the new group beside the deployed one (a new entry of cognito-user-pool:groups), add its members to it, " +
        "move what reads cognito:groups to the new name, then remove the old group",
    domain: "keep the deployed domain and give the new one to a successor pool (cognito-user-pool:successor.domain), or create it " +
        "outside the stack; move apps and identity providers to its URLs, then change cognito-user-pool:domain in an update with this policy's level set to advisory",
    passkeys: "to move passkeys to another domain, offer another way to sign in first (a password or one-time codes), tell users their " +
        "passkeys will stop working, then change the relying party id (cognito-user-pool:passkeys.relyingPartyId, or the custom domain it " +
        "follows) in an update with this policy's level set to advisory, and let users register new passkeys",
    "resource-server": "add the new resource server beside the deployed one (a new entry of cognito-user-pool:resourceServers), " +
        "move clients and APIs to its scopes, then remove the old one",
    branding: "let the update replace the style (this policy is advisory): deploy it when a moment without the style on the client's " +
        "managed login pages is acceptable",
    "identity-provider": "add the new provider beside the deployed one (a new entry of cognito-user-pool:identityProviders; an OIDC or " +
        "SAML provider under a new name), list it in the clients' oauth.identityProviders, tell its users, then remove the old one",
};
