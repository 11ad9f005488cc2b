// Types of scripts/build.js for the TypeScript tests that import it.
export declare function build(options?: {
  root?: string;
  distDir?: string;
}): Promise<{ build: string; files: number; seconds: number }>;
