// The policy pack as the Pulumi engine runs it: `pulumi preview --policy-pack policy-pack`.
// Compiled to bin/index.js (package.json "main") by `npm run prepare`, so the engine loads plain JS.
// Nothing may be written to stdout before the PolicyPack prints its port.
import { PolicyPack } from "@pulumi/policy";
import { findOwnBaselines, pulumiCliExporter } from "./src/own-baseline";
import { allPolicies } from "./src/policies";

// Given no baseline in its config, the pack reads the deployed state of the stack it judges (docs/pulumi-cloud.md).
findOwnBaselines(pulumiCliExporter());

new PolicyPack("cognito-user-pool", {
    description:
        "Stops changes to the Cognito settings fixed at creation (sign-in options, attributes, client secret, region) " +
        "against the stack's deployed baseline, protects pools in protected environments, and advises on password, MFA, " +
        "client and SES settings.",
    provider: "aws",
    tags: ["aws", "cognito"],
    policies: allPolicies,
});
