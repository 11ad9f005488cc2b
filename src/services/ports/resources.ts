/** A link on the public resources page, in the order coordinators chose. */
export interface Resource {
  id: string;
  title: string;
  url: string;
  description: string;
  position: number;
}

export interface ResourcesRepository {
  /** By position, then title. */
  listResources: () => Promise<Resource[]>;
  findResource: (id: string) => Promise<Resource | undefined>;
  insertResource: (resource: Resource, now: Date) => Promise<void>;
  saveResource: (resource: Resource, now: Date) => Promise<boolean>;
  deleteResource: (id: string) => Promise<boolean>;
  /** Gives each listed id its index as position. */
  savePositions: (orderedIds: string[], now: Date) => Promise<void>;
}
