import { describe, expect, it } from 'vitest';
import { createDraftRound, validateRoundEditorInput } from './round-editor';

const form = (): Record<string, string> => ({
  name: '2025 September round',
  programTimeZone: 'Australia/Sydney',
  applicationsOpenOn: '2025-08-01',
  applicationsOpenTime: '',
  applicationsCloseOn: '2025-08-22',
  applicationsCloseTime: '',
  startsOn: '2025-09-08',
  endsOn: '',
  quotaEnabled: 'on',
  quotaCapPercent: '20',
  quotaMinimumPlaces: '',
});

describe('round editor', () => {
  it('turns the form into settings with UTC instants and default dates', () => {
    const result = validateRoundEditorInput(form());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      name: '2025 September round',
      programTimeZone: 'Australia/Sydney',
      applicationsOpenAt: new Date('2025-07-31T14:00:00Z'),
      applicationsCloseAt: new Date('2025-08-22T13:59:00Z'),
      startsOn: '2025-09-08',
      endsOn: '2026-01-08',
      quota: { enabled: true, capPercent: 20, minimumPlaces: 5 },
    });
    expect(createDraftRound('r1', result.value)).toMatchObject({
      id: 'r1',
      status: 'draft',
      endsOn: '2026-01-08',
    });
  });

  it('reads an absent checkbox as quota off and accepts JSON values', () => {
    const { quotaEnabled: _ignored, ...withoutQuota } = form();
    const off = validateRoundEditorInput(withoutQuota);
    expect(off.ok && off.value.quota.enabled).toBe(false);
    const json = validateRoundEditorInput({
      ...form(),
      quotaEnabled: true,
      quotaCapPercent: 25,
      endsOn: '2025-12-20',
    });
    expect(json.ok && json.value.quota).toEqual({ enabled: true, capPercent: 25, minimumPlaces: 5 });
    expect(json.ok && json.value.endsOn).toBe('2025-12-20');
  });

  it.each([
    [{ name: ' ' }, 'name', 'round.nameMissing'],
    [{ programTimeZone: 'Sydney' }, 'programTimeZone', 'timeZone.unknown'],
    [{ applicationsOpenOn: '2025-02-30' }, 'applicationsOpenOn', 'date.invalid'],
    [{ applicationsCloseTime: '5pm' }, 'applicationsCloseTime', 'time.invalid'],
    [{ applicationsCloseOn: '2025-07-01' }, 'applicationsCloseOn', 'round.closeBeforeOpen'],
    [{ applicationsCloseOn: '2025-09-09' }, 'applicationsCloseOn', 'round.closeAfterStart'],
    [{ endsOn: '2025-09-01' }, 'endsOn', 'round.endBeforeStart'],
    [{ quotaCapPercent: '0' }, 'quotaCapPercent', 'quota.capInvalid'],
    [{ quotaCapPercent: 'twenty' }, 'quotaCapPercent', 'quota.capInvalid'],
    [{ quotaMinimumPlaces: '-3' }, 'quotaMinimumPlaces', 'quota.minimumInvalid'],
  ])('refuses %j with a problem on %s', (change, field, code) => {
    const result = validateRoundEditorInput({ ...form(), ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ field, code });
  });

  it('never throws on odd input', () => {
    for (const input of [null, 42, 'x', [], { startsOn: 5 }, { ...form(), programTimeZone: undefined }]) {
      const result = validateRoundEditorInput(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]?.code).not.toBe('form.unreadable');
    }
  });
});
