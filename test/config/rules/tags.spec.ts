import { strict as assert } from "assert";
import { defaultTagsProblem } from "../../../config/rules/tags";
import { assertAccepted, assertProblems } from "../support/problems";

const tagged = (tags: Record<string, unknown>) => ({ userPool: { tags } });
const key = "cognito-user-pool:userPool.tags";

describe("tags (config/rules/tags)", () => {
    it("accepts 49 tags of letters, digits, spaces and _ . : / = + - @ in any script, an empty value too", () => {
        const fortyNine = Object.fromEntries(Array.from({ length: 48 }, (_, index) => [`tag${index}`, "v"]));
        assertAccepted(tagged({ ...fortyNine, "팀 이름/cost_center=a+b@c.d-e": "" }));
    });

    it("refuses a 50th tag: AWS allows 50, and the program adds cognito-user-pool:stack", () => {
        const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`t${index}`, "v"]));
        const written = JSON.stringify(many).slice(0, 77);
        assertProblems(tagged(many), [`${key}: got ${written}...; expected at most 49 tags (AWS allows 50; the program adds cognito-user-pool:stack), got 50`]);
    });

    it("refuses keys under the reserved aws: prefix, in any case", () => {
        assertProblems(tagged({ "aws:team": "identity", "AWS:cost": "1" }), [
            `${key}.aws:team: got "aws:team"; tag keys starting with aws: are reserved for AWS`,
            `${key}.AWS:cost: got "AWS:cost"; tag keys starting with aws: are reserved for AWS`,
        ]);
    });

    it("refuses an empty key, a key over 128 characters and a value over 256", () => {
        const longKey = "k".repeat(129);
        assertProblems(tagged({ "": "v", [longKey]: "v", team: "v".repeat(257) }), [
            `${key}.: got ""; expected a tag key of 1 to 128 characters`,
            `${key}.${longKey}: got "${longKey.slice(0, 76)}...; expected a tag key of 1 to 128 characters`,
            `${key}.team: got "${"v".repeat(76)}...; expected a tag value of at most 256 characters`,
        ]);
    });

    it("refuses characters the Tagging rules do not allow, in keys and values", () => {
        assertProblems(tagged({ "team#1": "ok", owner: "a,b" }), [
            `${key}.team#1: got "team#1"; expected a tag key of letters, digits, spaces and _ . : / = + - @`,
            `${key}.owner: got "a,b"; expected a tag value of letters, digits, spaces and _ . : / = + - @`,
        ]);
    });

    it("counts the AWS provider's default tags with the pool's own and the stack tag against the limit of 50", () => {
        const tagsOf = (prefix: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${index}`, "v"]));
        const values = (own: number, defaults: number, shared = 0) => ({
            "cognito-user-pool:userPool": JSON.stringify({ tags: { ...tagsOf("own", own), ...tagsOf("shared", shared) } }),
            "aws:defaultTags": JSON.stringify({ tags: { ...tagsOf("default", defaults), ...tagsOf("shared", shared) } }),
        });
        assert.equal(defaultTagsProblem(values(45, 5)),
            "cognito-user-pool:userPool.tags: got 45 tags, and aws:defaultTags adds 5 more; expected at most 49 together (AWS allows 50; the program adds cognito-user-pool:stack)");
        assert.equal(defaultTagsProblem(values(40, 7, 2)), undefined, "a key in both counts once");
        assert.equal(defaultTagsProblem({ "cognito-user-pool:userPool": JSON.stringify({ tags: tagsOf("own", 49) }) }), undefined);
    });
});
