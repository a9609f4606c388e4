import { z } from "zod";

/*
 * Ids of resources to adopt, by the patterns of the Cognito API reference (DescribeUserPool,
 * DescribeUserPoolClient, UserPoolClientDescription): UserPoolId, 1 to 55 characters, `[\w-]+_[0-9a-zA-Z]+`
 * (the region, `_`, the pool's own id: us-east-1_AbCdEf123); ClientId, 1 to 128 characters, `[\w+]+`.
 */
const userPoolIdPattern = /^[\w-]+_[0-9a-zA-Z]+$/;
const clientIdPattern = /^[\w+]+$/;

/** A user pool id, e.g. us-east-1_AbCdEf123. */
export const userPoolId = z.string()
    .max(55, { error: "expected a user pool id of at most 55 characters" })
    .regex(userPoolIdPattern, { error: "expected a user pool id: <region>_<id>, like us-east-1_AbCdEf123" });

/** An app client id, e.g. 1example23456789abcdefghij. */
export const clientId = z.string()
    .max(128, { error: "expected an app client id of at most 128 characters" })
    .regex(clientIdPattern, { error: "expected an app client id: letters, digits, _ and +" });

/** The region a user pool id starts with: `us-east-1` of `us-east-1_AbCdEf123`. */
export function regionOfUserPoolId(id: string): string {
    return id.slice(0, id.lastIndexOf("_"));
}
