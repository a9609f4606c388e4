import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import type { RegisteredResource } from "../offline/evaluate";
import { awsClassOf } from "./aws-class";

/*
 * The floor of a program row: a Pulumi program of a few lines that creates the resources a stack's evaluation
 * registered, with the same inputs and resource options, and nothing else (no config model, no validation, no
 * outputs to build). What the project's program costs beyond it is what its own code costs. It is lighter than
 * anything hand-written could be: inputs are the resolved values (no Output waits between resources) and secrets
 * plain. The resources come from the file BENCH_RESOURCES names (a JSON list of RegisteredResource).
 */

const registered: RegisteredResource[] = JSON.parse(fs.readFileSync(process.env.BENCH_RESOURCES!, "utf8"));
const created = new Map<string, pulumi.Resource>();

for (const resource of registered) {
    const options: pulumi.CustomResourceOptions = {
        parent: resource.parent === undefined ? undefined : created.get(resource.parent),
        protect: resource.protect,
        retainOnDelete: resource.retainOnDelete,
        deleteBeforeReplace: resource.deleteBeforeReplace,
        ignoreChanges: [...resource.ignoreChanges ?? []],
        additionalSecretOutputs: [...resource.additionalSecretOutputs ?? []],
    };
    created.set(resource.urn, resource.custom ? customResource(resource, options) : new pulumi.ComponentResource(resource.type, resource.name, {}, options));
}

/** `aws:cognito/userPool:UserPool` → `new (require("@pulumi/aws/cognito").UserPool)(name, inputs, options)`. */
function customResource({ type, name, inputs }: RegisteredResource, options: pulumi.CustomResourceOptions): pulumi.CustomResource {
    const { module, className } = awsClassOf(type);
    const Resource = require(`@pulumi/aws/${module}`)[className];
    return new Resource(name, inputs, options);
}

export const ids = [...created.values()].filter(pulumi.CustomResource.isInstance).map((resource) => resource.id);
