// The smallest policy pack, one policy that checks nothing: what the engine's runner costs by itself.
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("floor", {
    policies: [{ name: "nothing", description: "Checks nothing.", enforcementLevel: "advisory", validateResource: () => undefined }],
});
