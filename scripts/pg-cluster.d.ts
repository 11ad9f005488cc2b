// Types of scripts/pg-cluster.js for the TypeScript tests and benchmarks that import it.
export interface PostgresCluster {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
  stopServer(mode?: 'fast' | 'immediate' | 'smart'): Promise<void>;
  startServer(): Promise<void>;
}
export declare function startPostgresCluster(options?: { durable?: boolean }): Promise<PostgresCluster>;
