// Types of bin/load-cli.js for the TypeScript tests that import it.
export declare const MANIFEST_FORMAT: number;
export declare const distDirOf: (root: string) => string;
export type BuildCheck = { fresh: true; build: string; entry: string } | { fresh: false; reason: string };
export declare function checkBuild(root: string, distDir?: string): Promise<BuildCheck>;
export declare function loadCli(options: {
  root: string;
  distDir?: string;
  fromSource?: boolean;
  onSource?: (reason: string) => void;
}): Promise<{ runCli: (argv: string[]) => Promise<number>; compiled: boolean }>;
