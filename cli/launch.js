// The npm scripts' entry: `node cli/launch.js <command> [options]` runs bin/cli/<command>.js. Plain JavaScript,
// so that it can tell a user to build before the build exists (`npm ci --ignore-scripts` skips it).
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const [command, ...argv] = process.argv.slice(2);
const compiled = path.join(root, "bin", "cli", `${command}.js`);
const missing = [compiled, path.join(root, "policy-pack", "bin", "index.js")].filter((file) => !fs.existsSync(file));
// The commands are the npm scripts that launch one.
const commands = Object.values(require(path.join(root, "package.json")).scripts)
    .map((script) => /node cli\/launch\.js (\S+)/.exec(script)?.[1])
    .filter((name) => name !== undefined);

if (!commands.includes(command)) {
    process.stderr.write(`error: ${command === undefined ? "no command given" : `unknown command ${JSON.stringify(command)}`}; ` +
        `the commands: ${commands.join(", ")} (npm run <command> -- --help says what each takes)\n`);
    process.exitCode = 2;
} else if (!fs.existsSync(path.join(__dirname, `${command}.ts`))) {
    process.stderr.write(`internal error: no command ${JSON.stringify(command)} in cli/\n`);
    process.exitCode = 3;
} else if (missing.length > 0) {
    const files = missing.map((file) => path.relative(root, file)).join(" and ");
    process.stderr.write(`error: the commands run the compiled program, and ${files} ${missing.length === 1 ? "is" : "are"} not ` +
        "there: run `npm run build` first (`npm ci` runs it, unless scripts are ignored)\n");
    process.exitCode = 2;
} else {
    require(path.join(root, "bin", "cli", "command.js")).runAsProcess(require(compiled).main, argv);
}
