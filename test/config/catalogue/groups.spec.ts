import { strict as assert } from "assert";
import { parseStackSettings } from "../../../config";
import { assertProblems, context } from "../support/problems";

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
