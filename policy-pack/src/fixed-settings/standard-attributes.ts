import type { FixedAttribute } from "./table";

function str(name: string, minLength = 0, maxLength = 2048): FixedAttribute {
    return { name, dataType: "String", required: false, mutable: true, developerOnly: false, constraints: { minLength, maxLength } };
}

/**
 * Cognito's standard attributes as DescribeUserPool reports them for a pool that did not configure them
 * (the same table terraform-provider-aws uses to leave unconfigured ones out of state). `sub` and
 * `identities` are system attributes: present in every AWS response, never configured.
 */
export const STANDARD_ATTRIBUTE_DEFAULTS: Readonly<Record<string, FixedAttribute>> = Object.freeze(
    Object.fromEntries(
        [
            str("address"),
            str("birthdate", 10, 10),
            str("email"),
            { name: "email_verified", dataType: "Boolean", required: false, mutable: true, developerOnly: false, constraints: {} },
            str("family_name"),
            str("gender"),
            str("given_name"),
            str("locale"),
            str("middle_name"),
            str("name"),
            str("nickname"),
            str("phone_number"),
            { name: "phone_number_verified", dataType: "Boolean", required: false, mutable: true, developerOnly: false, constraints: {} },
            str("picture"),
            str("preferred_username"),
            str("profile"),
            { name: "updated_at", dataType: "Number", required: false, mutable: true, developerOnly: false, constraints: { minValue: 0 } },
            str("website"),
            str("zoneinfo"),
            { name: "sub", dataType: "String", required: true, mutable: false, developerOnly: false, constraints: { minLength: 1, maxLength: 2048 } },
            { name: "identities", dataType: "String", required: false, mutable: true, developerOnly: false, constraints: {} },
        ].map((a): [string, FixedAttribute] => [a.name, a as FixedAttribute]),
    ),
);

/** The standard attributes a pool can configure (facts.md, Cognito quotas page). */
export const STANDARD_ATTRIBUTE_NAMES: readonly string[] = Object.keys(STANDARD_ATTRIBUTE_DEFAULTS).filter(
    n => n !== "sub" && n !== "identities",
);

export function isStandardAttribute(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(STANDARD_ATTRIBUTE_DEFAULTS, name);
}

/** Cognito's limit on custom attributes per pool. */
export const MAX_CUSTOM_ATTRIBUTES = 50;
