import * as assert from "assert";
import { counted, StackConfigError } from "../../../config/rules/problems";

describe("messages (config/problems)", () => {
    it("counts in words that agree with the number: 1 user, 2 users, 0 users, an irregular plural as given", () => {
        assert.deepStrictEqual([counted(1, "user"), counted(2, "user"), counted(0, "user"), counted(1, "value"), counted(3, "entry", "entries")],
            ["1 user", "2 users", "0 users", "1 value", "3 entries"]);
    });

    it("heads a config error with its count of problems", () => {
        assert.match(new StackConfigError(["a"]).message, /^Invalid stack configuration \(1 problem\):\n {2}- a$/);
        assert.match(new StackConfigError(["a", "b"]).message, /^Invalid stack configuration \(2 problems\):/);
    });
});
