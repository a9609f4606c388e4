export * from "./catalogue";
export * from "./rules/durations";
export * from "./rules/limits";
export * from "./rules/problems";
export * from "./rules/ses-sender";
export * from "./schema";
export * from "./settings";
export * from "./successor-settings";
