import { assertAccepted, assertProblems } from "../support/problems";

const attributes = { custom: [{ name: "tenant_id", type: "string" }] };
const client = (permissions: Record<string, unknown>) => ({ attributes, clients: [{ name: "web", ...permissions }] });
const key = "cognito-user-pool:clients[0]";

describe("attribute permissions of a client (config/rules/attribute-permissions)", () => {
    it("accepts standard attributes, the verified flags and sub to read, declared custom attributes both ways", () => {
        assertAccepted(client({
            readAttributes: ["email", "email_verified", "phone_number_verified", "sub", "custom:tenant_id"],
            writeAttributes: ["email", "name", "custom:tenant_id"],
        }));
    });

    it("never lets a client write sub or the verified flags", () => {
        assertProblems(client({ writeAttributes: ["sub", "email_verified", "phone_number_verified"] }), [
            `${key}.writeAttributes[0]: got "sub"; sub is set by Cognito and is never writable by an app client`,
            `${key}.writeAttributes[1]: got "email_verified"; email_verified is set by Cognito and is never writable by an app client`,
            `${key}.writeAttributes[2]: got "phone_number_verified"; phone_number_verified is set by Cognito and is never writable by an app client`,
        ]);
    });

    it("refuses a custom attribute the pool does not declare, naming those it does", () => {
        assertProblems(client({ readAttributes: ["custom:tenant"] }), [
            `${key}.readAttributes[0]: got "custom:tenant"; expected a custom attribute declared in attributes.custom (custom:tenant_id)`,
        ]);
        assertProblems({ clients: [{ name: "web", writeAttributes: ["custom:tenant"] }] }, [
            `${key}.writeAttributes[0]: got "custom:tenant"; expected a custom attribute declared in attributes.custom (none declared)`,
        ]);
    });

    it("refuses a name that is no attribute, listing what may be read or written", () => {
        const standard = "address, birthdate, email, family_name, gender, given_name, locale, middle_name, name, nickname, " +
            "phone_number, picture, preferred_username, profile, updated_at, website, zoneinfo";
        assertProblems(client({ readAttributes: ["tenant_id"], writeAttributes: ["Email"] }), [
            `${key}.readAttributes[0]: got "tenant_id"; expected a standard attribute (${standard}, sub, email_verified, phone_number_verified) or custom:<declared name>`,
            `${key}.writeAttributes[0]: got "Email"; expected a standard attribute (${standard}) or custom:<declared name>`,
        ]);
    });
});
