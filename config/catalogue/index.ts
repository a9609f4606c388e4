export * from "./app-client";
export * from "./define";
export * from "./derive";
export * from "./stack";
export * from "./user-pool";
