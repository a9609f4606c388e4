import { strict as assert } from "assert";
import { branding, BrandingInput, brandingFromDescribed, entriesOf, managedLoginBrandingArgs, OwnStyle, parseStackSettings } from "../../../config";
import { describedBranding, plain } from "../../aws/support/described-from-inputs";
import { assertProblems, context } from "../support/problems";
import { describeRoundTrip, recordingContext } from "../support/round-trip";

const domain = { prefix: "example-auth", managedLoginVersion: 2 };
const web = { name: "web", oauth: { flows: ["code"], callbackUrls: ["https://app.example.com/cb"] } };
const logo = { category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", file: "branding/logo.png" };
const brandingOf = (branding: unknown) => parseStackSettings({ domain, clients: [{ ...web, branding }] }, context).clients[0].branding;

describe("a client's managed login branding (config/catalogue/branding)", () => {
    it("takes cognito (Cognito's default style) or a style of its own, its settings a JSON object and its assets none by default", () => {
        assert.equal(brandingOf("cognito"), "cognito");
        assert.deepStrictEqual(brandingOf({ settings: { categories: { global: { colorSchemeMode: "DARK" } } } }),
            { settings: { categories: { global: { colorSchemeMode: "DARK" } } }, assets: [] });
        assert.deepStrictEqual(brandingOf({ settings: {}, assets: [logo] }), { settings: {}, assets: [logo] });
        assert.equal(parseStackSettings({ domain, clients: [web] }, context).clients[0].branding, undefined);
    });

    it("refuses every problem of a style at once: its settings, each asset's enums, a file that leaves the project or is not of its extension", () => {
        assertProblems({ domain, clients: [{ ...web, branding: "default" }, { ...web, name: "admin", branding: {
            settings: ["dark"],
            assets: [
                { category: "LOGO", colorMode: "LIGHT", extension: "GIF", file: "branding/logo.gif" },
                { category: "FORM_LOGO", colorMode: "AUTO", extension: "PNG", file: "../outside.png" },
                { category: "FAVICON_ICO", colorMode: "LIGHT", extension: "PNG", file: "branding/icon.svg" },
            ],
        } }] }, [
            `cognito-user-pool:clients[0].branding: got "default"; expected cognito (Cognito's default style) or {settings, assets}`,
            `cognito-user-pool:clients[1].branding.settings: got ["dark"]; expected a JSON object of style settings (DescribeManagedLoginBranding's Settings)`,
            `cognito-user-pool:clients[1].branding.assets[0].category: got "LOGO"; expected one of FAVICON_ICO, FAVICON_SVG, EMAIL_GRAPHIC, SMS_GRAPHIC, ` +
                "AUTH_APP_GRAPHIC, PASSWORD_GRAPHIC, PASSKEY_GRAPHIC, PAGE_HEADER_LOGO, PAGE_HEADER_BACKGROUND, PAGE_FOOTER_LOGO, PAGE_FOOTER_BACKGROUND, " +
                "PAGE_BACKGROUND, FORM_BACKGROUND, FORM_LOGO, IDP_BUTTON_ICON",
            `cognito-user-pool:clients[1].branding.assets[0].extension: got "GIF"; expected one of ICO, JPEG, PNG, SVG, WEBP`,
            `cognito-user-pool:clients[1].branding.assets[1].colorMode: got "AUTO"; expected one of LIGHT, DARK, DYNAMIC`,
            `cognito-user-pool:clients[1].branding.assets[1].file: got "../outside.png"; expected a file path relative to the project directory, like branding/logo.png, without ..`,
            `cognito-user-pool:clients[1].branding.assets[2].file: got "branding/icon.svg"; expected a PNG file (.png), as extension says`,
            `cognito-user-pool:clients[1].branding.assets[2].extension: got "PNG"; FAVICON_ICO takes extension ICO`,
        ]);
    });

    it("refuses two assets of one category and color mode (the pair is an asset's identity), more than 40, and an absolute path", () => {
        assertProblems({ domain, clients: [{ ...web, branding: { settings: {}, assets: [logo, { ...logo, file: "branding/other.png" }] } }] }, [
            `cognito-user-pool:clients[0].branding.assets[1].category: got "FORM_LOGO"; another asset is FORM_LOGO in LIGHT too: one per category and colorMode`,
        ]);
        assertProblems({ domain, clients: [{ ...web, branding: { settings: {}, assets: Array.from({ length: 41 }, () => logo) } }] }, [
            `cognito-user-pool:clients[0].branding.assets: got ${JSON.stringify(Array.from({ length: 41 }, () => logo)).slice(0, 77)}...; expected at most 40 assets`,
        ]);
        assertProblems({ domain, clients: [{ ...web, branding: { settings: {}, assets: [{ ...logo, file: "/srv/logo.png" }] } }] }, [
            `cognito-user-pool:clients[0].branding.assets[0].file: got "/srv/logo.png"; expected a file path relative to the project directory, like branding/logo.png, without ..`,
        ]);
    });

    it("maps cognito to useCognitoProvidedValues alone, and a style to its settings as sorted JSON and its assets with the files' bytes", () => {
        assert.deepStrictEqual(managedLoginBrandingArgs("cognito", () => assert.fail("no file is read")), { useCognitoProvidedValues: true });
        const style = brandingOf({ settings: { b: 1, a: { d: 2, c: [3] } }, assets: [logo] })!;
        assert.deepStrictEqual(managedLoginBrandingArgs(style, (file) => `bytes of ${file}`), {
            settings: '{"a":{"c":[3],"d":2},"b":1}',
            assets: [{ category: "FORM_LOGO", colorMode: "LIGHT", extension: "PNG", bytes: "bytes of branding/logo.png" }],
        });
        assert.deepStrictEqual(managedLoginBrandingArgs(brandingOf({ settings: {} })!, () => assert.fail("no file is read")), { settings: "{}" },
            "no assets input without assets: ExactlyOneOf counts a false useCognitoProvidedValues as set");
    });

    it("reads back a style from DescribeManagedLoginBrandingByClient: Cognito's, or its settings; each live image is a gap to save to a file", () => {
        const context = recordingContext();
        assert.equal(brandingFromDescribed({ ManagedLoginBrandingId: "06c6ae7b-1e66-46d2-87a9-1203ea3307bd", UseCognitoProvidedValues: true, Assets: [] }, context), "cognito");
        assert.deepStrictEqual(brandingFromDescribed({ UseCognitoProvidedValues: false, Settings: { categories: { global: {} } } }, context),
            { settings: { categories: { global: {} } } });
        assert.deepStrictEqual(context.gaps, []);
        assert.deepStrictEqual(brandingFromDescribed({ UseCognitoProvidedValues: false, Settings: {},
            Assets: [{ Category: "FORM_LOGO", ColorMode: "DARK", Extension: "PNG", Bytes: new Uint8Array([1]) }] }, context), { settings: {} });
        assert.deepStrictEqual(context.gaps, [{ setting: "ManagedLoginBranding.Assets[FORM_LOGO/DARK]", live: "PNG",
            why: "an asset is a file of the project: save its image and name it under branding.assets" }]);
    });
});

describeRoundTrip("a client's branding style: settings → aws.cognito.ManagedLoginBranding inputs → DescribeManagedLoginBrandingByClient → settings", {
    // A style's images are files of the project: adopt names each live one as a gap instead (specified above).
    entries: entriesOf(branding).filter(({ key }) => key !== "assets"),
    parse: (style: Exclude<BrandingInput, string>) => brandingOf(style) as OwnStyle,
    args: (style) => plain({ ...managedLoginBrandingArgs(style, () => assert.fail("no asset in the samples")), userPoolId: "us-east-1_Pool1" }),
    describe: describedBranding,
    read: (described, context) => brandingFromDescribed(described, context) as Exclude<BrandingInput, string>,
    bases: [{ settings: {} }],
    variations: {
        settings: [{ categories: { global: { colorSchemeMode: "DARK" } } }, { componentClasses: { buttons: { borderRadius: 8 } }, categories: { form: { location: { horizontal: "START" } } } }],
    },
});
