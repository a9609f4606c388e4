import { strict as assert } from "assert";
import { parse } from "yaml";
import { adoptedStackFile } from "../../aws/adopted-stack-file";
import { parseYamlText } from "../../stack-files/reader";

describe("the adopted stack file (aws/adopted-stack-file)", () => {
    // Names a console user may give that YAML readers take for numbers, booleans, null or dates.
    const trickyNames = ["0o17", "017", "0x1F", "1_000", "1e3", ".inf", "yes", "off", "~", "null", "true", "2026-11-27", "+12", "<<"];

    it("writes every string so that the Pulumi CLI's reader, and YAML 1.1 and 1.2 readers, read it back as written", () => {
        const settings = {
            userPool: { name: "pool", tags: Object.fromEntries(trickyNames.map((name) => [name, name])) },
            clients: trickyNames.map((name) => ({ name })),
        };
        const text = adoptedStackFile({
            adoption: { settings, gaps: [], notes: [], pendingChanges: [] },
            poolId: "ap-northeast-2_abc", region: "ap-northeast-2", capturedAt: new Date("2026-11-27T00:00:00Z"),
        } as Parameters<typeof adoptedStackFile>[0]);
        const expected = { "aws:region": "ap-northeast-2", "cognito-user-pool:userPool": settings.userPool, "cognito-user-pool:clients": settings.clients };
        assert.deepEqual((parseYamlText(text, "Pulumi.adopted.yaml") as { config: unknown }).config, expected);
        assert.deepEqual(parse(text, { version: "1.2" }).config, expected);
        assert.deepEqual(parse(text, { version: "1.1" }).config, expected);
    });
});
