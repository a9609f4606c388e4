export * from "./durations";
export * from "./limits";
export * from "./problems";
export * from "./schema";
export * from "./rules/ses-sender";
export * from "./settings";
export * from "./successor";
export * from "./successor-settings";
