/**
 * The pack's library API, for the project's commands (baseline, plan, promote, adopt) and tests: what
 * `require("cognito-user-pool-policies")` gives (package.json `exports`; the engine starts the pack from `main`,
 * ../index.ts). Importing it starts no policy server and loads no @pulumi/* package.
 */
export * from "./fixed-settings";
export { allPolicies } from "./policies";
export type { ReportWithDetail, ViolationDetail } from "./policies/common";
export * from "./catalogue";
export { GUARDED_RESOURCE_TYPES } from "./guarded-resources";
export {
    BASELINE_JSON_SCHEMA,
    DEFAULT_PROTECTED_STACKS,
    PolicyConfigError,
    policyConfigFor,
    readBaselineConfig,
    readProtectedStacks,
    readPublicClients,
    readRetiredClients,
} from "./policy-config";
export type { PolicyConfigEntry, PolicyConfigOptions, PolicyPackConfigFile } from "./policy-config";
export { fixedSettingMessage, formatValue } from "./messages";
export { policyReference } from "./policy-reference";
