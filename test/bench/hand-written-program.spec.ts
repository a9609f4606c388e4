import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { everyFeature, withKeys } from "../../bench/stacks";
import { evaluateStack, RegisteredResource } from "../../offline/evaluate";
import type { StackConfig } from "../../stack-files/reader";
import { stackConfig, withSettings } from "../support/program";

/*
 * The floor `npm run bench` judges a program row by is only a floor if it does the same job: it registers every
 * resource the program registered, under the same parent, with the same inputs and resource options.
 */

const handWritten = require.resolve("../../bench/hand-written-program");

/** What the engine gets of a registration, apart from what the mock provider answers; in URN order (the two programs wait differently). */
const registration = (resource: RegisteredResource) => ({
    urn: resource.urn, parent: resource.parent, custom: resource.custom, inputs: resource.inputs, protect: resource.protect,
    retainOnDelete: resource.retainOnDelete, deleteBeforeReplace: resource.deleteBeforeReplace,
    ignoreChanges: resource.ignoreChanges,
    // A set to the engine; a class that adds its own (UserPoolClient: clientSecret) repeats one the floor passes again.
    additionalSecretOutputs: [...new Set(resource.additionalSecretOutputs)],
});

async function handWrittenRegistrations(stack: StackConfig, registered: readonly RegisteredResource[]): Promise<RegisteredResource[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hand-written-"));
    process.env.BENCH_RESOURCES = path.join(dir, "resources.json");
    try {
        fs.writeFileSync(process.env.BENCH_RESOURCES, JSON.stringify(registered));
        return (await evaluateStack(stack, { program: handWritten })).resources;
    } finally {
        delete process.env.BENCH_RESOURCES;
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("bench: the hand-written program a program row is judged against", () => {
    const stacks: Record<string, StackConfig> = {
        "every feature (custom domain, providers, triggers, logs)": withKeys(stackConfig("prod"), everyFeature, ["identityProviders"]),
        "a successor pool in cutover (a function, its role, a nested component)": withSettings(stackConfig("prod"),
            { successor: { name: "myapp-prod-v2", phase: "cutover", signIn: { with: ["email"] } } }),
    };
    for (const [what, stack] of Object.entries(stacks)) {
        it(`registers what the program registers, as the program does: ${what}`, async () => {
            const program = (await evaluateStack(stack)).resources;
            const floor = await handWrittenRegistrations(stack, program);
            assert.ok(program.length > 10);
            const byUrn = (resources: RegisteredResource[]) => resources.map(registration).sort((a, b) => a.urn.localeCompare(b.urn));
            assert.deepStrictEqual(byUrn(floor), byUrn(program));
        });
    }
});
