// Types of scripts/system-deps.js for the TypeScript tests and benchmarks that import it.
export declare const CHROMIUM_PATH: string;
export declare function findPostgresBin(): string | undefined;
export declare function ensureSystemPackages(options?: { chromium?: boolean; postgres?: boolean }): void;
