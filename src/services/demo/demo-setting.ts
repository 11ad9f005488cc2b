import { z } from 'zod';
import type { UseCaseDeps } from '../ports/deps';
import { DEMO_SETTING } from './seed-demo';

const DemoSettingSchema = z.object({ coordinatorEmail: z.email() });

/** The demo seeder's note (program setting `demo`), or undefined on a real installation. */
export const findDemoCoordinatorEmail = async (deps: UseCaseDeps): Promise<string | undefined> => {
  const value = await deps.store.program.findSetting(DEMO_SETTING);
  if (value === undefined) return undefined;
  try {
    const parsed = DemoSettingSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data.coordinatorEmail : undefined;
  } catch {
    return undefined;
  }
};
