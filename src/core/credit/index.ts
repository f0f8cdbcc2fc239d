export * from "./application";
export * from "./scorecard";
export * from "./history";
export * from "./score";
export * from "./register";
export * from "./assess";
export type { CreditMessages } from "./messages";
