import { z } from 'zod';
import type { UseCaseDeps } from '../ports/deps';
import { DEMO_SETTING } from './seed-demo';

const DemoSettingSchema = z.object({
  coordinatorEmail: z.email(),
  participantEmails: z.array(z.email()).default([]),
});

export type DemoSignIns = z.infer<typeof DemoSettingSchema>;

/** Who to sign in as on a demo installation (program setting `demo`), or undefined on a real one. */
export const findDemoSignIns = async (deps: UseCaseDeps): Promise<DemoSignIns | undefined> => {
  const value = await deps.store.program.findSetting(DEMO_SETTING);
  if (value === undefined) return undefined;
  try {
    const parsed = DemoSettingSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
