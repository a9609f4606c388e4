// One stack's compiled program under the mock monitor, with the stack's config given as JSON (as the engine
// hands it over), so the process does what `pulumi up` does minus the engine. With BENCH_RESOURCES set, the
// program is the row's floor instead: the same resources created by a hand-written program (./hand-written-program).
import { evaluateStack } from "../offline/evaluate";

const program = process.env.BENCH_RESOURCES === undefined ? undefined : require.resolve("./hand-written-program");

evaluateStack(JSON.parse(process.argv[2]), { program }).then(() => {
    // Whether the program loaded the modules only a successor pool needs.
    const loaded = Object.keys(require.cache).some((file) => /@pulumi[\\/]aws[\\/](lambda|iam)[\\/]/.test(file));
    console.log(`bench:lambdaAndIamLoaded=${loaded ? 1 : 0}`);
}, (error) => {
    console.error(error);
    process.exit(1);
});
