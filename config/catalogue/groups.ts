import type { GroupType } from "@aws-sdk/client-cognito-identity-provider";
import type { UserGroupArgs } from "@pulumi/aws/cognito";
import type { Input } from "@pulumi/pulumi";
import { USER_GROUP_TYPE } from "cognito-user-pool-policies/fixed-settings";
import { z } from "zod";
import { listOf, setting } from "./define";
import type { ReadContext } from "./read-back";
import { uniqueNames, urnSafe, wholeNumber } from "./values";
import { withoutUnset } from "./without-unset";

/*
 * User groups: aws.cognito.UserGroup inputs, read back with ListGroups. Limits from the API reference, CreateGroup
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html): GroupName 1 to
 * 128 characters of `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, unique in the pool; Description at most 2048 characters;
 * Precedence a non-negative integer (0 to 2^31 - 1), the lowest wins, ties allowed; RoleArn an ARN of 20 to 2048
 * characters. terraform-provider-aws (internal/service/cognitoidp/user_group.go, aws_cognito_user_group): `name`
 * and `user_pool_id` ForceNew, so a renamed group is a new, empty group; description, precedence and role_arn are
 * sent to UpdateGroup. resourceUserGroupCreate sends Precedence only when `d.GetOk("precedence")`, which is false
 * for 0: a group declared with precedence 0 would be created with none (the lowest rank instead of the highest),
 * so the config model starts precedence at 1. ListGroups reports each group under CreateGroup's names.
 */

/** Precedence 1 and up: see above for why not 0. */
const precedenceRange = { min: 1, max: 2_147_483_647 };

export const groupName = urnSafe(z.string()
    .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, { error: "expected 1 to 128 letters, digits, symbols or punctuation, without spaces" }));

const iamRoleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, { error: "expected an IAM role ARN" });

export const groups = listOf({
    name: setting(groupName, {
        doc: "The group's name, listed in the `cognito:groups` claim of its members' tokens; also its identity in the stack " +
            "(a renamed group is a new, empty one: its members are lost).",
        allowed: "1 to 128 letters, digits, symbols or punctuation; no spaces, no `::`",
        input: "name",
        describe: "GroupName",
    }),
    description: setting(z.string().max(2048, { error: "expected at most 2048 characters" }).optional(), {
        doc: "What the group is for.",
        allowed: "at most 2048 characters",
        input: "description",
        describe: "Description",
    }),
    precedence: setting(wholeNumber(precedenceRange).optional(), {
        doc: "Of a user's groups, the one with the lowest precedence gives the `cognito:preferred_role` claim; groups may share one.",
        defaultText: "none (below every group that has one)",
        allowed: `${precedenceRange.min} to ${precedenceRange.max} (the provider never sends 0 when it creates a group)`,
        input: "precedence",
        describe: "Precedence",
    }),
    roleArn: setting(iamRoleArn.optional(), {
        doc: "IAM role for the group's members (the `cognito:roles` claim, used by an identity pool).",
        allowed: "an IAM role ARN",
        input: "roleArn",
        describe: "RoleArn",
    }),
}, {
    doc: "User groups of the pool. Default: none.",
    resourceType: USER_GROUP_TYPE,
    wrap: (group) => uniqueNames(z.array(group), "group").default([]),
});

/** A group's settings, parsed (defaults applied). */
export type GroupSettings = z.output<typeof groups.schema>[number];
/** A group as a stack file writes it. */
export type GroupInput = NonNullable<z.input<typeof groups.schema>>[number];

/** A group's aws.cognito.UserGroup inputs. */
export function userGroupArgs(group: GroupSettings, userPoolId: Input<string>): UserGroupArgs {
    return withoutUnset({ name: group.name, description: group.description, precedence: group.precedence, roleArn: group.roleArn, userPoolId });
}

/** A group's settings read back from its ListGroups item. */
export function groupFromDescribed(group: GroupType, context: ReadContext): GroupInput {
    if (group.Precedence === 0) {
        context.note("Precedence", "0 left out of the config: the provider never sends 0 (user_group.go), and the imported group keeps it");
    }
    return withoutUnset({
        name: group.GroupName ?? "",
        // The API reports an unset text as absent or empty.
        description: group.Description || undefined,
        precedence: group.Precedence || undefined,
        roleArn: group.RoleArn || undefined,
    });
}
