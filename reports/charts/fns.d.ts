/** See fns.js: functions chart options name as {"$fn": "name"}. */
export declare const FNS: Record<string, (...args: never[]) => unknown>;
