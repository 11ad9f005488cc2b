import type { z } from 'zod';
import type { FieldProblem } from '../errors';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Zod issues as `{ field: 'languages.0.level', code }`, one per field and code. The schemas' error
 * messages are keys of the `validation` namespace (translated at the edge).
 */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    const key = `${field}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field, code: issue.message });
  }
  return problems;
}

/** safeParse that never throws: a refinement that fails unexpectedly becomes a form-level problem. */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  try {
    const result = schema.safeParse(input);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, problems: toFieldProblems(result.error) };
  } catch {
    return {
      ok: false,
      problems: [{ field: '', code: 'form.unreadable' }],
    };
  }
}
