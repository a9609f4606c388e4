import type * as aws from "@pulumi/aws";
import { STANDARD_ATTRIBUTE_DEFAULTS } from "cognito-user-pool-policies";
import type { StandardAttribute } from "../limits";

/** The user pool's `schemas` input: the required standard attributes, then the custom attributes. */

type SchemaAttribute = aws.types.input.cognito.UserPoolSchema;

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
            minLength: constraints.minLength?.toString(),
            maxLength: constraints.maxLength?.toString(),
        };
    }
    if (dataType === "Number") {
        schemaAttribute.numberAttributeConstraints = {
            minValue: constraints.minValue?.toString(),
            maxValue: constraints.maxValue?.toString(),
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
