export * from "./app-client";
export * from "./define";
export * from "./derive";
export * from "./inputs";
export * from "./read-back";
export * from "./reference";
export * from "./stack";
export * from "./user-pool";
