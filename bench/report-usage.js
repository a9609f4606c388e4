// Preloaded into every measured process: reports its peak memory on exit, on a line of its own.
process.on("exit", () => {
    process.stderr.write(`\nbench:maxRSS=${process.resourceUsage().maxRSS}\n`);
});
