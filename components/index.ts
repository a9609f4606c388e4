export * from "./amplify-config";
export * from "./groups-and-scopes";
export * from "./managed-login-branding";
export * from "./outputs";
export * from "./sender-identity";
export * from "./ses-sender";
export * from "./sign-in-backend";
export * from "./user-pool-domain";
