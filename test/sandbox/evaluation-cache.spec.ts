import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { evaluateStack } from "../../offline/evaluate";
import { readStackConfig, StackConfig } from "../../stack-files/reader";
import { cachedEvaluation } from "../../sandbox/evaluation-cache";
import { ProjectCopy } from "../cli/support/project-copy";

describe("npm run sandbox: the program's evaluation, saved between starts", () => {
    let project: ProjectCopy;
    let evaluations: number;
    const evaluate = (stack: StackConfig) => () => {
        evaluations += 1;
        return evaluateStack(stack);
    };

    beforeEach(() => {
        project = new ProjectCopy();
        evaluations = 0;
    });

    afterEach(() => project.remove());

    it("is reused while the stack's config and the program's build are unchanged, and gives what the program gave", async () => {
        const stack = readStackConfig(project.dir, "dev");
        const first = await cachedEvaluation(project.dir, stack, evaluate(stack));
        const second = await cachedEvaluation(project.dir, readStackConfig(project.dir, "dev"), evaluate(stack));
        assert.equal(evaluations, 1);
        assert.deepEqual(second, first);
        assert.deepEqual(second.resources.map((resource) => [resource.type, resource.name, resource.id]),
            (await evaluateStack(stack)).resources.map((resource) => [resource.type, resource.name, resource.id]));
    });

    it("is evaluated again when the stack file changed", async () => {
        await cachedEvaluation(project.dir, readStackConfig(project.dir, "dev"), evaluate(readStackConfig(project.dir, "dev")));
        project.edit("dev", "name: myapp-dev", "name: myapp-dev2");
        const changed = readStackConfig(project.dir, "dev");
        const again = await cachedEvaluation(project.dir, changed, evaluate(changed));
        assert.equal(evaluations, 2);
        assert.equal(again.resources.find((resource) => resource.type === "aws:cognito/userPool:UserPool")?.inputs.name, "myapp-dev2");
    });

    it("is evaluated again when the program's build changed", async () => {
        const built = path.join(project.dir, "bin", "components", "outputs.js");
        fs.mkdirSync(path.dirname(built), { recursive: true });
        fs.writeFileSync(built, "// the build");
        const stack = readStackConfig(project.dir, "dev");
        await cachedEvaluation(project.dir, stack, evaluate(stack));
        const later = new Date(Date.now() + 5000);
        fs.utimesSync(built, later, later);
        await cachedEvaluation(project.dir, stack, evaluate(stack));
        assert.equal(evaluations, 2);
        assert.ok(fs.existsSync(path.join(project.dir, ".sandbox", ".evaluations", "dev.json")));
    });
});
