import type { UserPoolType } from "@aws-sdk/client-cognito-identity-provider";
import type { input } from "@pulumi/aws/types";
import {
    FixedAttribute,
    STANDARD_ATTRIBUTE_DEFAULTS,
    attributesEqual,
    isCustomAttributeName,
    poolFromDescribeUserPool,
} from "cognito-user-pool-policies/fixed-settings";
import { StandardAttribute, standardAttributes } from "../rules/limits";
import { inverseOf, ReadContext } from "./read-back";

/**
 * The user pool's `schemas` input: the required standard attributes, then the custom attributes; and
 * `userPool.attributes` read back from the pool's SchemaAttributes.
 */

type SchemaAttribute = input.cognito.UserPoolSchema;

export interface CustomAttributeValue {
    readonly name: string;
    readonly type: "string" | "number" | "boolean" | "datetime";
    readonly mutable: boolean;
    readonly developerOnly: boolean;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly minValue?: number;
    readonly maxValue?: number;
}

const attributeDataTypes: Record<CustomAttributeValue["type"], string> = {
    string: "String",
    number: "Number",
    boolean: "Boolean",
    datetime: "DateTime",
};
const attributeTypeOf = inverseOf(attributeDataTypes);

export function schemaArgs(attributes: { readonly required: readonly StandardAttribute[]; readonly custom: readonly CustomAttributeValue[] }): SchemaAttribute[] {
    return [
        ...attributes.required.map(standardSchemaAttribute),
        ...attributes.custom.map(customSchemaAttribute),
    ];
}

/** A required standard attribute, with the constraints Cognito gives it by default (so the provider sees no drift). */
function standardSchemaAttribute(name: StandardAttribute): SchemaAttribute {
    const { dataType, mutable, developerOnly, constraints } = STANDARD_ATTRIBUTE_DEFAULTS[name];
    const schemaAttribute: SchemaAttribute = {
        name,
        attributeDataType: dataType,
        required: true,
        mutable,
        developerOnlyAttribute: developerOnly,
    };
    if (dataType === "String") {
        schemaAttribute.stringAttributeConstraints = {
            minLength: constraints.string?.minLength?.toString(),
            maxLength: constraints.string?.maxLength?.toString(),
        };
    }
    if (dataType === "Number") {
        schemaAttribute.numberAttributeConstraints = {
            minValue: constraints.number?.minValue?.toString(),
            maxValue: constraints.number?.maxValue?.toString(),
        };
    }
    return schemaAttribute;
}

function customSchemaAttribute(attribute: CustomAttributeValue): SchemaAttribute {
    const schemaAttribute: SchemaAttribute = {
        name: attribute.name,
        attributeDataType: attributeDataTypes[attribute.type],
        required: false,
        mutable: attribute.mutable,
        developerOnlyAttribute: attribute.developerOnly,
    };
    if (attribute.type === "string") {
        schemaAttribute.stringAttributeConstraints = {
            minLength: String(attribute.minLength ?? 0),
            maxLength: String(attribute.maxLength ?? 2048),
        };
    }
    if (attribute.type === "number" && (attribute.minValue !== undefined || attribute.maxValue !== undefined)) {
        schemaAttribute.numberAttributeConstraints = {
            minValue: attribute.minValue?.toString(),
            maxValue: attribute.maxValue?.toString(),
        };
    }
    return schemaAttribute;
}

/** The attributes read with the policy pack's reader, so that adopt and the pack agree on their normal form. */
export function attributesFromSchema(pool: UserPoolType, context: ReadContext) {
    const required: StandardAttribute[] = [];
    const custom: CustomAttributeValue[] = [];
    for (const attribute of poolFromDescribeUserPool(pool).attributes) {
        if (isCustomAttributeName(attribute.name)) {
            custom.push(customAttributeOf(attribute, context));
            continue;
        }
        const configurable = (standardAttributes as readonly string[]).includes(attribute.name);
        if (attribute.required && configurable) {
            required.push(attribute.name as StandardAttribute);
        }
        const standard = STANDARD_ATTRIBUTE_DEFAULTS[attribute.name];
        if (!configurable || standard === undefined || !attributesEqual({ ...attribute, required: standard.required }, standard)) {
            context.gap(`SchemaAttributes[${attribute.name}]`, attribute,
                "the config model can only make a standard attribute required; its other properties stay Cognito's defaults");
        }
    }
    return { required, custom };
}

function customAttributeOf(attribute: FixedAttribute, context: ReadContext): CustomAttributeValue {
    if (attribute.required) {
        context.gap(`SchemaAttributes[${attribute.name}].Required`, true, "the config model has no required custom attributes");
    }
    const { minLength, maxLength } = attribute.constraints.string ?? {};
    const { minValue, maxValue } = attribute.constraints.number ?? {};
    return {
        name: attribute.name.slice("custom:".length),
        type: attributeTypeOf[attribute.dataType]!,
        mutable: attribute.mutable,
        developerOnly: attribute.developerOnly,
        // The program sends 0..2048 for a string attribute without limits, as Cognito reports it.
        ...(attribute.dataType === "String" && minLength !== undefined && minLength !== 0 ? { minLength } : {}),
        ...(attribute.dataType === "String" && maxLength !== undefined && maxLength !== 2048 ? { maxLength } : {}),
        ...(attribute.dataType === "Number" && minValue !== undefined ? { minValue } : {}),
        ...(attribute.dataType === "Number" && maxValue !== undefined ? { maxValue } : {}),
    };
}
