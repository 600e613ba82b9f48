export declare const ENTRY_POINTS: Record<string, string>;
export declare const EXTERNAL: string[];
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare function buildRotor(options?: { quiet?: boolean }): Promise<void>;
