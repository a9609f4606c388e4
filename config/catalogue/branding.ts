import type { ManagedLoginBrandingType } from "@aws-sdk/client-cognito-identity-provider";
import type { ManagedLoginBrandingArgs } from "@pulumi/aws/cognito";
import { MANAGED_LOGIN_BRANDING_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { problem, section, setting } from "./define";
import type { ReadContext } from "./read-back";

/*
 * A client's managed login branding style: aws.cognito.ManagedLoginBranding, read back with
 * DescribeManagedLoginBrandingByClient. terraform-provider-aws (internal/service/cognitoidp/managed_login_branding.go,
 * plugin framework, method Schema): exactly one of `settings` (a JSON document) and `use_cognito_provided_values`
 * (boolvalidator.ExactlyOneOf); `asset` a set of 0 to 40 (setvalidator.SizeBetween(0, 40)), each asset and the set
 * RequiresReplace, "the resource is replaced whenever the `asset` is modified"; `client_id` and `user_pool_id`
 * RequiresReplace. API reference, CreateManagedLoginBranding
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html;
 * the SDK's models_0.d.ts CreateManagedLoginBrandingRequest): with UseCognitoProvidedValues "you must also omit
 * values for Settings and Assets"; AssetType (botocore cognito-idp 2016-04-18): Category, ColorMode and Extension
 * from the enums below, Bytes at most 1,000,000 bytes, Assets at most 40; the whole request within 2 MB ("2-megabyte
 * request-size limit", CreateManagedLoginBrandingCommand.d.ts).
 */

const assetCategories = [
    "FAVICON_ICO", "FAVICON_SVG", "EMAIL_GRAPHIC", "SMS_GRAPHIC", "AUTH_APP_GRAPHIC", "PASSWORD_GRAPHIC", "PASSKEY_GRAPHIC",
    "PAGE_HEADER_LOGO", "PAGE_HEADER_BACKGROUND", "PAGE_FOOTER_LOGO", "PAGE_FOOTER_BACKGROUND", "PAGE_BACKGROUND",
    "FORM_BACKGROUND", "FORM_LOGO", "IDP_BUTTON_ICON",
] as const;
const colorModes = ["LIGHT", "DARK", "DYNAMIC"] as const;
const assetExtensions = ["ICO", "JPEG", "PNG", "SVG", "WEBP"] as const;
type AssetExtension = (typeof assetExtensions)[number];

/** The file name endings of each extension: an asset's file must be of the type it claims. */
const fileEndings: Readonly<Record<AssetExtension, readonly string[]>> = {
    ICO: [".ico"], JPEG: [".jpg", ".jpeg"], PNG: [".png"], SVG: [".svg"], WEBP: [".webp"],
};

export const brandingLimits = {
    /** botocore AssetListType max 40; managed_login_branding.go setvalidator.SizeBetween(0, 40). */
    assets: 40,
    /** botocore AssetBytesType max 1000000 (the decoded image). */
    assetBytes: 1_000_000,
    /** CreateManagedLoginBranding / UpdateManagedLoginBranding: "2-megabyte request-size limit"; counted as 2,000,000 to fail closed. */
    requestBytes: 2_000_000,
} as const;

/** The value that asks for Cognito's own style (useCognitoProvidedValues). */
export const cognitoStyle = "cognito";

/** CreateManagedLoginBranding's ManagedLoginBrandingId: a version 4 UUID (botocore ManagedLoginBrandingIdType). */
export const managedLoginBrandingId = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/,
    { error: "expected a branding style id, a UUID like 06c6ae7b-1e66-46d2-87a9-1203ea3307bd" });

/** A path inside the project: relative, `/`-separated, never leaving it. */
const projectFile = z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w\-. /]+$/,
    { error: "expected a file path relative to the project directory, like branding/logo.png, without .." });

const asset = z.strictObject({
    category: z.enum(assetCategories),
    colorMode: z.enum(colorModes),
    extension: z.enum(assetExtensions),
    file: projectFile,
}).superRefine((value, ctx) => {
    if (!fileEndings[value.extension].some((ending) => value.file.toLowerCase().endsWith(ending))) {
        problem(ctx, ["file"], value.file, `expected a ${value.extension} file (${fileEndings[value.extension].join(" or ")}), as extension says`);
    }
    // The favicon categories name their format; lgallard/terraform-aws-cognito-user-pool PR #238: AWS refuses a FAVICON_ICO in SVG.
    const favicon = ({ FAVICON_ICO: "ICO", FAVICON_SVG: "SVG" } as Partial<Record<string, AssetExtension>>)[value.category];
    if (favicon !== undefined && value.extension !== favicon) {
        problem(ctx, ["extension"], value.extension, `${value.category} takes extension ${favicon}`);
    }
});

/** The settings JSON document: an object, as the branding editor's API takes it. */
const settingsDocument = z.record(z.string(), z.unknown(), { error: "expected a JSON object of style settings (DescribeManagedLoginBranding's Settings)" });

const styleKeys = {
    settings: setting(settingsDocument, {
        doc: "The style's settings, a JSON object as the branding editor's API takes it (only what differs from Cognito's defaults).",
        allowed: "a JSON object (a map in the stack file)",
        input: "settings",
        describe: "Settings",
    }),
    assets: setting(z.array(asset).max(brandingLimits.assets, { error: `expected at most ${brandingLimits.assets} assets` }).default([]), {
        doc: "Images of the style, each `{category, colorMode, extension, file}`; `file` is relative to the project directory and read when the program runs. " +
            "Any change of them replaces the style. Not read back: `npm run adopt` names each live image, to be saved to a file.",
        allowed: `at most ${brandingLimits.assets}, one per category and colorMode; category ${assetCategories.join(", ")}; colorMode ${colorModes.join(", ")}; ` +
            `extension ${assetExtensions.join(", ")} matching the file; each file at most ${brandingLimits.assetBytes.toLocaleString("en")} bytes`,
        input: "assets",
    }),
};

export const branding = section(styleKeys, {
    doc: `The client's managed login branding style: \`${cognitoStyle}\` for Cognito's default style, or \`{settings, assets}\`. ` +
        "Only for a client with OAuth flows, with `domain.managedLoginVersion: 2` and tier essentials or plus. Default: none. " +
        "See [Managed login branding](domain.md#managed-login-branding).",
    resourceType: MANAGED_LOGIN_BRANDING_TYPE,
    checks: [({ assets }, ctx) => {
        const seen = new Set<string>();
        assets.forEach((item, index) => {
            // managed_login_branding.go (asset): "if the (category, color) pair differs from existing ones, the API treats the asset as new".
            const pair = `${item.category}/${item.colorMode}`;
            if (seen.has(pair)) {
                problem(ctx, ["assets", index, "category"], item.category, `another asset is ${item.category} in ${item.colorMode} too: one per category and colorMode`);
            }
            seen.add(pair);
        });
    }],
    wrap: (object) => z.union([z.literal(cognitoStyle), object],
        { error: `expected ${cognitoStyle} (Cognito's default style) or {settings, assets}` }).optional(),
});

/** A client's branding, parsed (defaults applied). */
export type BrandingSettings = NonNullable<z.output<typeof branding.schema>>;
/** A client's branding as a stack file writes it. */
export type BrandingInput = NonNullable<z.input<typeof branding.schema>>;
/** A style of its own (not Cognito's default), parsed. */
export type OwnStyle = Exclude<BrandingSettings, typeof cognitoStyle>;

/**
 * The style's aws.cognito.ManagedLoginBranding inputs but its client and pool. `settings` is the provider's JSON
 * string (keys sorted, so that the same object is the same text); assets are sent only when there are some, and
 * `useCognitoProvidedValues` only for Cognito's style (ExactlyOneOf counts a false as set). `bytesOf` reads an
 * asset's file as base64.
 */
export function managedLoginBrandingArgs(style: BrandingSettings, bytesOf: (file: string) => string):
    Omit<ManagedLoginBrandingArgs, "clientId" | "userPoolId"> {
    if (style === cognitoStyle) {
        return { useCognitoProvidedValues: true };
    }
    return {
        settings: canonicalJson(style.settings),
        ...(style.assets.length === 0 ? {} : {
            assets: style.assets.map((item) => ({ category: item.category, colorMode: item.colorMode, extension: item.extension, bytes: bytesOf(item.file) })),
        }),
    };
}

/** JSON with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, inner) => inner !== null && typeof inner === "object" && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner);
}

/**
 * A client's branding read back from DescribeManagedLoginBrandingByClient (ReturnMergedResources false: only what
 * differs from Cognito's defaults). A style with neither settings nor assets is Cognito's; the images of a live
 * style are bytes, not files: each is a gap to be saved to a file and named under `assets`.
 */
export function brandingFromDescribed(described: ManagedLoginBrandingType, context: ReadContext): BrandingInput {
    const settings = described.Settings as Record<string, unknown> | undefined;
    const assets = described.Assets ?? [];
    assets.forEach((item) => context.gap(`ManagedLoginBranding.Assets[${item.Category}/${item.ColorMode}]`, item.Extension,
        "an asset is a file of the project: save its image and name it under branding.assets"));
    if (described.UseCognitoProvidedValues === true || (settings === undefined && assets.length === 0)) {
        return cognitoStyle;
    }
    return { settings: settings ?? {} };
}
