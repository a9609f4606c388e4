// One stack's compiled program under the mock monitor, with the stack's config given as JSON (as the engine
// hands it over), so the process does what `pulumi up` does minus the engine.
import { evaluateStack } from "../offline/evaluate";

evaluateStack(JSON.parse(process.argv[2])).then(() => {
    // Whether the program loaded the modules only a successor pool needs.
    const loaded = Object.keys(require.cache).some((file) => /@pulumi[\\/]aws[\\/](lambda|iam)[\\/]/.test(file));
    console.log(`bench:lambdaAndIamLoaded=${loaded ? 1 : 0}`);
}, (error) => {
    console.error(error);
    process.exit(1);
});
