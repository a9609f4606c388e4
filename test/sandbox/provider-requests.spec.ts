import { strict as assert } from "assert";
import { createGroupRequest, createUserPoolRequest, mfaConfigRequest } from "../../sandbox/provider-requests";

describe("npm run sandbox: the requests the provider would send for what the program registers", () => {
    it("CreateUserPool under the API's names, without the MFA settings or the provider's region", () => {
        const request = createUserPoolRequest({
            name: "myapp-dev", region: "ap-northeast-2", mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true },
            passwordPolicy: { minimumLength: 8 }, schemas: [{ name: "tenant", attributeDataType: "String", stringAttributeConstraints: { maxLength: "64" } }],
            tags: { "cost-center": "a1" }, emailConfiguration: { fromEmailAddress: "no-reply@example.com", emailSendingAccount: "DEVELOPER" },
            adminCreateUserConfig: { inviteMessageTemplate: { smsMessage: "{username} {####}" } },
        });
        assert.deepEqual(request, {
            PoolName: "myapp-dev",
            Policies: { PasswordPolicy: { MinimumLength: 8 } },
            Schema: [{ Name: "tenant", AttributeDataType: "String", StringAttributeConstraints: { MaxLength: "64" } }],
            UserPoolTags: { "cost-center": "a1" },
            EmailConfiguration: { From: "no-reply@example.com", EmailSendingAccount: "DEVELOPER" },
            AdminCreateUserConfig: { InviteMessageTemplate: { SMSMessage: "{username} {####}" } },
        });
    });

    it("SetUserPoolMfaConfig when MFA is not off, with the SMS factor whenever SMS is configured", () => {
        assert.equal(mfaConfigRequest("local_1", { mfaConfiguration: "OFF" }), undefined);
        assert.deepEqual(mfaConfigRequest("local_1", {
            mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true }, smsAuthenticationMessage: "{####}",
            smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/sms", externalId: "x" },
        }), {
            UserPoolId: "local_1", MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true },
            SmsMfaConfiguration: { SmsAuthenticationMessage: "{####}", SmsConfiguration: { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "x" } },
        });
    });

    it("CreateGroup from a group's inputs", () => {
        assert.deepEqual(createGroupRequest({ name: "admins", userPoolId: "local_1", description: "Admins", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" }),
            { GroupName: "admins", UserPoolId: "local_1", Description: "Admins", Precedence: 1, RoleArn: "arn:aws:iam::123456789012:role/admins" });
    });
});
