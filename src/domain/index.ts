// The pure domain core: plain functions over plain data, no I/O. UI and server code import from here.
export * from "./decimal";
export * from "./vietnamese-text";
export * from "./target-notation";
export * from "./target-meaning";
export * from "./document-number";
export * from "./reporting-calendar";
export * from "./timeframe";
export * from "./indicator-status";
export * from "./body-validity";
export * from "./indicator-assessment";
export * from "./locality-aggregation";
export * from "./report-deadline";
export * from "./due-reminders";
