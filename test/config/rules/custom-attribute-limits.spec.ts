import { assertAccepted, assertProblems } from "../support/problems";

const attribute = (settings: Record<string, unknown>) => ({ attributes: { custom: [{ name: "a", ...settings }] } });
const key = "cognito-user-pool:attributes.custom[0]";

describe("limits of a custom attribute (config/rules/custom-attribute-limits)", () => {
    it("accepts length limits on a string and value limits on a number", () => {
        assertAccepted(attribute({ type: "string", minLength: 1, maxLength: 64 }));
        assertAccepted(attribute({ type: "number", minValue: -5, maxValue: 5 }));
    });

    it("blames the key that holds the limit, not a sibling", () => {
        assertProblems(attribute({ type: "boolean", maxLength: 5 }), [
            `${key}.maxLength: got 5; length limits apply to string attributes only, this one is boolean`,
        ]);
        assertProblems(attribute({ type: "string", minValue: 1, maxValue: 2 }), [
            `${key}.minValue: got 1; value limits apply to number attributes only, this one is string`,
            `${key}.maxValue: got 2; value limits apply to number attributes only, this one is string`,
        ]);
    });

    it("wants the minimum at most the maximum", () => {
        assertProblems(attribute({ type: "string", minLength: 10, maxLength: 5 }), [`${key}.minLength: got 10; expected at most maxLength (5)`]);
        assertProblems(attribute({ type: "number", minValue: 3, maxValue: -3 }), [`${key}.minValue: got 3; expected at most maxValue (-3)`]);
    });
});
