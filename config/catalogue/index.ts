export * from "./app-client";
export * from "./define";
export * from "./derive";
export * from "./inputs";
export * from "./reference";
export * from "./stack";
export * from "./user-pool";
