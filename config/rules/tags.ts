import { z } from "zod";
import { configNamespace, counted } from "./problems";
import { parseConfigValue } from "./numbers";

/*
 * Tag limits, the same for the user pool and the SES identity:
 * - Cognito TagResource / ListTagsForResource: "A user pool can have as many as 50 tags"; key 1 to 128
 *   characters, value 0 to 256 (SESv2 Tag: the same lengths).
 * - Tagging AWS resources (Tagging Best Practices, "Tag naming limits and requirements"): letters, numbers and
 *   spaces representable in UTF-8, and `_ . : / = + - @`; the `aws:` prefix, in any case, is reserved for AWS.
 */
export const tagLimits = { tags: 50, keyLength: { min: 1, max: 128 }, valueLength: { max: 256 } } as const;

/**
 * The tag the program itself puts on the stack's pool, SES identity and IAM roles, valued with the stack's name:
 * the deployer's scope (components/deploy-scope.ts, iam/deployer-policy.json). A stack's config cannot set it.
 */
export const stackTagKey = "cognito-user-pool:stack";

/**
 * The tag an administrator puts on a Lambda function of their own to let one stack wire it as a trigger: the
 * deployer may add and remove Cognito's invoke permission only on functions marked for its stack, and the roles
 * the program creates may invoke only those (iam/deployer-policy.json, iam/permissions-boundary.json,
 * docs/deploy-permissions.md).
 */
export const triggerOfTagKey = "cognito-user-pool:trigger-of";

/** The tags a stack's config may set: AWS's limit less the program's own stack tag, which every tagged resource carries. */
const configurableTags = tagLimits.tags - 1;
const configurableLimit = `at most ${configurableTags}`;
const whyConfigurable = `(AWS allows ${tagLimits.tags}; the program adds ${stackTagKey})`;

/** Tags without the program's own. */
export function withoutStackTag(tags: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(tags).filter(([key]) => key !== stackTagKey));
}

const tagCharacters = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const allowedCharacters = "letters, digits, spaces and _ . : / = + - @";

/** Length in characters (code points), as AWS counts them. */
const lengthOf = (text: string) => [...text].length;

function keyProblem(key: string): string | undefined {
    if (lengthOf(key) < tagLimits.keyLength.min || lengthOf(key) > tagLimits.keyLength.max) {
        return `expected a tag key of ${tagLimits.keyLength.min} to ${tagLimits.keyLength.max} characters`;
    }
    if (key.toLowerCase().startsWith("aws:")) {
        return "tag keys starting with aws: are reserved for AWS";
    }
    if (key === stackTagKey) {
        return "the program sets this tag to the stack's name (the deployer's scope, docs/deploy-permissions.md): leave it out";
    }
    if (!tagCharacters.test(key)) {
        return `expected a tag key of ${allowedCharacters}`;
    }
    return undefined;
}

function valueProblem(value: string): string | undefined {
    if (lengthOf(value) > tagLimits.valueLength.max) {
        return `expected a tag value of at most ${tagLimits.valueLength.max} characters`;
    }
    if (!tagCharacters.test(value)) {
        return `expected a tag value of ${allowedCharacters}`;
    }
    return undefined;
}

/** Tags as a map of key to value; each problem is reported at its own key. */
export const tags = z.record(z.string(), z.string()).superRefine((map, ctx) => {
    const entries = Object.entries(map);
    if (entries.length > configurableTags) {
        ctx.addIssue({ code: "custom", input: map, message: `expected ${configurableLimit} tags ${whyConfigurable}, got ${entries.length}` });
    }
    for (const [key, value] of entries) {
        const problem = keyProblem(key);
        if (problem !== undefined) {
            ctx.addIssue({ code: "custom", path: [key], input: key, message: problem });
        }
        const valueIssue = valueProblem(value);
        if (valueIssue !== undefined) {
            ctx.addIssue({ code: "custom", path: [key], input: value, message: valueIssue });
        }
    }
});

function tagMap(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/**
 * The AWS provider adds its default tags (`aws:defaultTags`) to every resource's own (tagsAll), and the limit of
 * 50 holds for them together, with the program's stack tag: a pool within the limit on its own can still be refused.
 */
export function defaultTagsProblem(values: Readonly<Record<string, string>>): string | undefined {
    const defaults = Object.keys(tagMap(tagMap(parseConfigValue(values["aws:defaultTags"] ?? "{}")).tags));
    const own = Object.keys(tagMap(tagMap(parseConfigValue(values[`${configNamespace}:userPool`] ?? "{}")).tags));
    const together = new Set([...defaults, ...own]).size;
    if (defaults.length === 0 || together <= configurableTags) {
        return undefined;
    }
    return `${configNamespace}:userPool.tags: got ${counted(own.length, "tag")}, and aws:defaultTags adds ${together - own.length} more; ` +
        `expected ${configurableLimit} together ${whyConfigurable}`;
}
