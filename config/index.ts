export * from "./durations";
export * from "./limits";
export * from "./problems";
export * from "./schema";
export * from "./settings";
