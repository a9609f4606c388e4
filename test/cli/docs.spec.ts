import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies, policyReference } from "cognito-user-pool-policies";
import { main as docs, policiesPage } from "../../cli/docs";
import { configurationReference, referenceMarkers, referencePage } from "../../config";
import { capturingIO, ProjectCopy } from "./support/project-copy";

describe("npm run docs", () => {
    let project: ProjectCopy;
    let page: string;
    beforeEach(() => {
        project = new ProjectCopy();
        page = path.join(project.dir, referencePage);
        fs.mkdirSync(path.dirname(page), { recursive: true });
    });
    afterEach(() => project.remove());

    it(`writes the catalogue's reference between the markers of ${referencePage}, and only there`, async () => {
        fs.writeFileSync(page, `# Configuration\n\n${referenceMarkers.begin}\nstale\n${referenceMarkers.end}\n\nafter\n`);
        const io = capturingIO(project.dir);
        assert.strictEqual(await docs([], io), 0, io.err());
        assert.strictEqual(fs.readFileSync(page, "utf8"), `# Configuration\n\n${configurationReference()}\nafter\n`);
        assert.ok(io.out().startsWith(`${referencePage}: configuration reference written\n`), io.out());
    });

    it("writes docs/policies.md from the policy pack's table and policies", async () => {
        fs.writeFileSync(page, `${referenceMarkers.begin}\n${referenceMarkers.end}\n`);
        fs.rmSync(path.join(project.dir, policiesPage), { force: true });
        const io = capturingIO(project.dir);
        assert.strictEqual(await docs([], io), 0, io.err());
        assert.strictEqual(fs.readFileSync(path.join(project.dir, policiesPage), "utf8"), policyReference(allPolicies));
        assert.match(io.out(), /^docs\/policies\.md: written$/m);
    });

    it("refuses a page without the markers, naming the line it looks for: exit 2", async () => {
        fs.writeFileSync(page, "# Configuration\n");
        const io = capturingIO(project.dir);
        assert.strictEqual(await docs([], io), 2);
        assert.match(io.err(), /has no configuration reference to replace \(the line <!-- configuration reference:/);
        assert.strictEqual(fs.readFileSync(page, "utf8"), "# Configuration\n");
    });
});
