export * from "./amplify-config";
export * from "./groups-and-scopes";
export * from "./identity-providers";
export * from "./outputs";
export * from "./sender-identity";
export * from "./ses-sender";
export * from "./sign-in-backend";
export * from "./user-pool-domain";
