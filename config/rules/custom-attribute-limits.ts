import { z } from "zod";

/*
 * A custom attribute's constraints (Cognito SchemaAttributeType): StringAttributeConstraints (MinLength,
 * MaxLength) apply to a String attribute, NumberAttributeConstraints (MinValue, MaxValue) to a Number one.
 * Each problem is reported at the key that holds the value, never at a sibling.
 */
export interface CustomAttributeLimitsInput {
    readonly type: string;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly minValue?: number;
    readonly maxValue?: number;
}

const limitsByType = [
    { type: "string", keys: ["minLength", "maxLength"], what: "length limits" },
    { type: "number", keys: ["minValue", "maxValue"], what: "value limits" },
] as const;

export function checkCustomAttributeLimits(attribute: CustomAttributeLimitsInput, ctx: z.core.$RefinementCtx): void {
    for (const { type, keys: [minKey, maxKey], what } of limitsByType) {
        const [min, max] = [attribute[minKey], attribute[maxKey]];
        if (attribute.type !== type) {
            for (const [key, value] of [[minKey, min], [maxKey, max]] as const) {
                if (value !== undefined) {
                    ctx.addIssue({ code: "custom", path: [key], input: value,
                        message: `${what} apply to ${type} attributes only, this one is ${attribute.type}` });
                }
            }
        } else if (min !== undefined && max !== undefined && min > max) {
            ctx.addIssue({ code: "custom", path: [minKey], input: min, message: `expected at most ${maxKey} (${max})` });
        }
    }
}
