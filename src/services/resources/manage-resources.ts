import { z } from 'zod';
import { toFieldProblems } from '../../core/applications';
import { DomainError } from '../../core/errors';
import type { UseCaseDeps } from '../ports/deps';
import type { Resource } from '../ports/resources';

/** What a coordinator types for one resource link. */
export const ResourceInputSchema = z.object({
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, { error: 'Enter a title' })
    .max(200, { error: 'Keep the title under 200 characters' }),
  url: z
    .string({ error: 'Enter the address of the resource' })
    .trim()
    .min(1, { error: 'Enter the address of the resource' })
    .max(2000, { error: 'Keep the address under 2000 characters' })
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
      error: 'Enter a full web address starting with https://',
    }),
  description: z
    .string({ error: 'Keep the description under 1000 characters' })
    .trim()
    .max(1000, { error: 'Keep the description under 1000 characters' })
    .optional()
    .default(''),
});
export type ResourceInput = z.input<typeof ResourceInputSchema>;

const parse = (input: unknown) => {
  const result = ResourceInputSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError('VALIDATION', 'The resource has problems.', toFieldProblems(result.error));
  }
  return result.data;
};

/** Adds a resource at the end of the list. */
export const addResource = async (deps: UseCaseDeps, input: unknown): Promise<Resource> => {
  const values = parse(input);
  const existing = await deps.store.resources.listResources();
  const resource: Resource = {
    id: deps.ids.newId(),
    ...values,
    position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
  };
  await deps.store.resources.insertResource(resource, deps.clock.now());
  return resource;
};

export const updateResource = async (deps: UseCaseDeps, id: string, input: unknown): Promise<Resource> => {
  const current = await deps.store.resources.findResource(id);
  if (!current) throw new DomainError('NOT_FOUND', `There is no resource with id "${id}".`);
  const resource = { ...current, ...parse(input) };
  await deps.store.resources.saveResource(resource, deps.clock.now());
  return resource;
};

export const removeResource = async (deps: UseCaseDeps, id: string): Promise<void> => {
  if (!(await deps.store.resources.deleteResource(id))) {
    throw new DomainError('NOT_FOUND', `There is no resource with id "${id}".`);
  }
};

/** Moves a resource one place up or down in the list. */
export const moveResource = async (
  deps: UseCaseDeps,
  id: string,
  direction: 'up' | 'down',
): Promise<void> => {
  const list = await deps.store.resources.listResources();
  const index = list.findIndex((resource) => resource.id === id);
  if (index < 0) throw new DomainError('NOT_FOUND', `There is no resource with id "${id}".`);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= list.length) return;
  const ids = list.map((resource) => resource.id);
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  const now = deps.clock.now();
  await deps.uow.transaction((store) => store.resources.savePositions(ids, now));
};
