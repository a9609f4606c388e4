import { strict as assert } from "assert";
import { entriesOf, GroupInput, groupFromDescribed, groups, parseStackSettings, userGroupArgs } from "../../../config";
import { describedGroup, plain } from "../../aws/support/described-from-inputs";
import { assertProblems, context } from "../support/problems";
import { describeRoundTrip } from "../support/round-trip";

describe("groups (config/catalogue/groups)", () => {
    it("takes a name, and optionally a description, a precedence and an IAM role", () => {
        const settings = parseStackSettings({ groups: [
            { name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" },
            { name: "Lecteurs·é" },
        ] }, context);
        assert.deepStrictEqual(settings.groups, [
            { name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" },
            { name: "Lecteurs·é" },
        ]);
        assert.deepStrictEqual(parseStackSettings({}, context).groups, []);
    });

    it("maps a group's settings to aws.cognito.UserGroup inputs, leaving unset ones out", () => {
        const parsed = parseStackSettings({ groups: [
            { name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" }, { name: "readers" },
        ] }, context);
        assert.deepStrictEqual(userGroupArgs(parsed.groups[0], "pool"),
            { name: "admins", description: "Operators", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins", userPoolId: "pool" });
        assert.deepStrictEqual(userGroupArgs(parsed.groups[1], "pool"), { name: "readers", userPoolId: "pool" });
    });

    it("refuses what CreateGroup refuses, every problem at once", () => {
        assertProblems({ groups: [
            { name: "" }, { name: "two words" }, { name: "a".repeat(129) },
            { name: "ops", description: "d".repeat(2049), precedence: -1, roleArn: "arn:aws:iam::123456789012:user/someone" },
            { name: "ops2", precedence: 2.5 },
        ] }, [
            `cognito-user-pool:groups[0].name: got ""; expected 1 to 128 letters, digits, symbols or punctuation, without spaces`,
            `cognito-user-pool:groups[1].name: got "two words"; expected 1 to 128 letters, digits, symbols or punctuation, without spaces`,
            `cognito-user-pool:groups[2].name: got "${"a".repeat(76)}...; expected 1 to 128 letters, digits, symbols or punctuation, without spaces`,
            `cognito-user-pool:groups[3].description: got "${"d".repeat(76)}...; expected at most 2048 characters`,
            "cognito-user-pool:groups[3].precedence: got -1; expected a whole number from 1 to 2147483647",
            `cognito-user-pool:groups[3].roleArn: got "arn:aws:iam::123456789012:user/someone"; expected an IAM role ARN`,
            "cognito-user-pool:groups[4].precedence: got 2.5; expected a whole number from 1 to 2147483647",
        ]);
    });

    it("refuses precedence 0, which the provider would not send when it creates the group (the group would rank last, not first)", () => {
        assertProblems({ groups: [{ name: "admins", precedence: 0 }] }, [
            "cognito-user-pool:groups[0].precedence: got 0; expected a whole number from 1 to 2147483647",
        ]);
    });

    it("refuses two groups of one name", () => {
        assertProblems({ groups: [{ name: "ops" }, { name: "ops", precedence: 1 }] }, [
            `cognito-user-pool:groups[1].name: got "ops"; expected a name not used by another group`,
        ]);
    });

    it("refuses a name holding ::, which would make the group's URN ambiguous", () => {
        assertProblems({ groups: [{ name: "team::ops" }] }, [
            `cognito-user-pool:groups[0].name: got "team::ops"; expected no "::" (the stack names the resource after it, and Pulumi's URNs use :: as separator)`,
        ]);
    });

    it("adopts only groups the stack declares, and only with the pool's id", () => {
        assertProblems({ groups: [{ name: "admins" }], import: { groups: ["admins", "readers"] } }, [
            `cognito-user-pool:import.groups[1]: got "readers"; expected one of groups (admins)`,
            "cognito-user-pool:import.userPool: got nothing; adopting groups needs the id of the pool they belong to",
        ]);
    });
});

describeRoundTrip("a group: settings → aws.cognito.UserGroup inputs → its ListGroups item → settings", {
    entries: entriesOf(groups),
    parse: (group: GroupInput) => parseStackSettings({ groups: [group] }, context).groups[0],
    args: (group) => plain(userGroupArgs(group, "us-east-1_Pool1")),
    describe: describedGroup,
    read: groupFromDescribed,
    bases: [{ name: "admins" }],
    variations: {
        name: ["readers", "Lecteurs·é"],
        description: ["Operators", "d".repeat(2048)],
        precedence: [1, 2_147_483_647],
        roleArn: ["arn:aws:iam::123456789012:role/admins", "arn:aws-cn:iam::123456789012:role/team/readers"],
    },
});
