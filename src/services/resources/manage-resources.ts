import { z } from 'zod';
import { toFieldProblems } from '../../core/applications';
import { DomainError, invalidInput } from '../../core/errors';
import type { Viewer } from '../../core/people/viewer';
import { assertProgramCoordinator } from '../people/access';
import type { UseCaseDeps } from '../ports/deps';
import type { Resource } from '../ports/resources';

/** What a coordinator types for one resource link. */
export const ResourceInputSchema = z.object({
  title: z
    .string({ error: 'resource.titleMissing' })
    .trim()
    .min(1, { error: 'resource.titleMissing' })
    .max(200, { error: 'resource.titleTooLong' }),
  url: z
    .string({ error: 'resource.urlMissing' })
    .trim()
    .min(1, { error: 'resource.urlMissing' })
    .max(2000, { error: 'resource.urlTooLong' })
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
      error: 'resource.urlInvalid',
    }),
  description: z
    .string({ error: 'resource.descriptionTooLong' })
    .trim()
    .max(1000, { error: 'resource.descriptionTooLong' })
    .optional()
    .default(''),
});
export type ResourceInput = z.input<typeof ResourceInputSchema>;

const parse = (input: unknown) => {
  const result = ResourceInputSchema.safeParse(input);
  if (!result.success) {
    throw invalidInput(toFieldProblems(result.error));
  }
  return result.data;
};

/**
 * The resources page is one list that every participant in every country reads, so only program
 * coordinators change it; a country coordinator acts for their countries and asks a program
 * coordinator to add a link (README, "What is promised").
 */
const assertMayEdit = (viewer: Viewer | null) => assertProgramCoordinator(viewer, 'edit the resources page');

/** Adds a resource at the end of the list. */
export const addResource = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; form: unknown },
): Promise<Resource> => {
  assertMayEdit(input.viewer);
  const values = parse(input.form);
  const existing = await deps.store.resources.listResources();
  const resource: Resource = {
    id: deps.ids.newId(),
    ...values,
    position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
  };
  await deps.store.resources.insertResource(resource, deps.clock.now());
  return resource;
};

export const updateResource = async (
  deps: UseCaseDeps,
  input: { viewer: Viewer | null; id: string; form: unknown },
): Promise<Resource> => {
  assertMayEdit(input.viewer);
  const { id } = input;
  const current = await deps.store.resources.findResource(id);
  if (!current) throw new DomainError('NOT_FOUND', 'resource.notFound', { id });
  const resource = { ...current, ...parse(input.form) };
  await deps.store.resources.saveResource(resource, deps.clock.now());
  return resource;
};

export const removeResource = async (
  deps: UseCaseDeps,
  { viewer, id }: { viewer: Viewer | null; id: string },
): Promise<void> => {
  assertMayEdit(viewer);
  if (!(await deps.store.resources.deleteResource(id))) {
    throw new DomainError('NOT_FOUND', 'resource.notFound', { id });
  }
};

/** Moves a resource one place up or down in the list. */
export const moveResource = async (
  deps: UseCaseDeps,
  { viewer, id, direction }: { viewer: Viewer | null; id: string; direction: 'up' | 'down' },
): Promise<void> => {
  assertMayEdit(viewer);
  const list = await deps.store.resources.listResources();
  const index = list.findIndex((resource) => resource.id === id);
  if (index < 0) throw new DomainError('NOT_FOUND', 'resource.notFound', { id });
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= list.length) return;
  const ids = list.map((resource) => resource.id);
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  const now = deps.clock.now();
  await deps.uow.transaction((store) => store.resources.savePositions(ids, now));
};
