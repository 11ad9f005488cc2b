import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admitFromWaitlist,
  computeCountryCap,
  countQuotaSettlement,
  DEFAULT_QUOTA_SETTINGS,
  decideCountryQuota,
  listCarriedOver,
  mergeCarriedOver,
  type QuotaCandidate,
  QuotaSettingsSchema,
  settleQuotaAtClose,
} from './country-quota';

/** `pool('AU', 3, 'NZ', 2)` → AU-1, AU-2, AU-3, NZ-1, NZ-2 in that submission order. */
function pool(...spec: Array<string | number>): QuotaCandidate[] {
  const out: QuotaCandidate[] = [];
  for (let i = 0; i < spec.length; i += 2) {
    const country = spec[i] as string;
    const n = spec[i + 1] as number;
    const start = out.filter((a) => a.countryOfResidence === country).length;
    for (let k = 1; k <= n; k++) out.push({ id: `${country}-${start + k}`, countryOfResidence: country });
  }
  return out;
}

describe('computeCountryCap', () => {
  it.each([
    [392, 79],
    [400, 80],
    [35, 7],
    [20, 5],
    [0, 5],
    [860, 172],
  ])('with 20%% and a minimum of 5, %i applications allow %i per country', (total, cap) => {
    expect(computeCountryCap(total, DEFAULT_QUOTA_SETTINGS)).toBe(cap);
  });

  it('is unlimited when the quota is off and follows a changed percentage', () => {
    expect(computeCountryCap(100, { ...DEFAULT_QUOTA_SETTINGS, enabled: false })).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(computeCountryCap(100, { enabled: true, capPercent: 33, minimumPlaces: 1 })).toBe(33);
    expect(computeCountryCap(10, { enabled: true, capPercent: 10, minimumPlaces: 1 })).toBe(1);
  });
});

describe('decideCountryQuota', () => {
  it('keeps the earliest applications of an over-represented country and waitlists the rest', () => {
    // 30 applications → cap max(5, 6) = 6. AU sends 10, interleaved with others.
    const applications = [...pool('AU', 4, 'NZ', 5, 'AU', 3, 'GB', 10, 'AU', 3, 'US', 5)];
    const decision = decideCountryQuota(applications, DEFAULT_QUOTA_SETTINGS);
    expect(decision.capPerCountry).toBe(6);
    expect(decision.waitlisted).toEqual(['AU-7', 'GB-7', 'GB-8', 'GB-9', 'GB-10', 'AU-8', 'AU-9', 'AU-10']);
    expect(decision.withinQuota).toHaveLength(22);
    expect(decision.withinQuota.slice(0, 4)).toEqual(['AU-1', 'AU-2', 'AU-3', 'AU-4']);
    expect(decision.byCountry).toContainEqual({ countryOfResidence: 'AU', withinQuota: 6, waitlisted: 4 });
    expect(decision.byCountry).toContainEqual({ countryOfResidence: 'NZ', withinQuota: 5, waitlisted: 0 });
  });

  it('lets a tiny round through thanks to the minimum', () => {
    const decision = decideCountryQuota(pool('AU', 5, 'NZ', 3), DEFAULT_QUOTA_SETTINGS);
    expect(decision.waitlisted).toEqual([]);
  });

  it('accepts everyone when the quota is off', () => {
    const decision = decideCountryQuota(pool('AU', 50, 'NZ', 1), {
      ...DEFAULT_QUOTA_SETTINGS,
      enabled: false,
    });
    expect(decision.waitlisted).toEqual([]);
    expect(decision.withinQuota).toHaveLength(51);
  });

  it('reproduces the first full round: 50 of 392 from one country fits under 20%', () => {
    const applications = [
      ...pool('AU', 50),
      ...pool('US', 80),
      ...Array.from({ length: 262 }, (_, i) => ({ id: `X-${i}`, countryOfResidence: `C${i % 40}` })),
    ];
    const decision = decideCountryQuota(applications, DEFAULT_QUOTA_SETTINGS);
    expect(decision.capPerCountry).toBe(79);
    expect(decision.waitlisted).toEqual(['US-80']);
  });

  it('does not mutate its input', () => {
    const applications = pool('AU', 10, 'NZ', 2);
    const copy = structuredClone(applications);
    decideCountryQuota(applications, DEFAULT_QUOTA_SETTINGS);
    expect(applications).toEqual(copy);
  });
});

describe('admitFromWaitlist', () => {
  const settings = DEFAULT_QUOTA_SETTINGS;

  it('offers a freed place to the earliest waitlisted applicant of that country', () => {
    // Cap from 30 applications is 6; one AU withdrew, so 5 AU hold places.
    const holding = [...pool('AU', 5), ...pool('NZ', 6), ...pool('GB', 6)];
    const waitlist = [
      { id: 'GB-7', countryOfResidence: 'GB' },
      { id: 'AU-7', countryOfResidence: 'AU' },
      { id: 'AU-8', countryOfResidence: 'AU' },
    ];
    expect(admitFromWaitlist({ holdingPlaces: holding, waitlist, settings, totalApplications: 30 })).toEqual({
      admitted: ['AU-7'],
      stillWaitlisted: ['GB-7', 'AU-8'],
    });
  });

  it('admits more when the cap is raised and respects a limit on admissions', () => {
    const holding = pool('AU', 6, 'NZ', 6);
    const waitlist = pool('AU', 4).map((a, i) => ({ ...a, id: `AU-${7 + i}` }));
    const raised = { ...settings, capPercent: 30 };
    expect(
      admitFromWaitlist({ holdingPlaces: holding, waitlist, settings: raised, totalApplications: 30 }),
    ).toEqual({
      admitted: ['AU-7', 'AU-8', 'AU-9'],
      stillWaitlisted: ['AU-10'],
    });
    expect(
      admitFromWaitlist({
        holdingPlaces: holding,
        waitlist,
        settings: raised,
        totalApplications: 30,
        maxAdmissions: 1,
      }).admitted,
    ).toEqual(['AU-7']);
  });

  it('admits nobody while every country is at its cap', () => {
    const holding = pool('AU', 6, 'NZ', 6);
    const waitlist = pool('AU', 2);
    expect(
      admitFromWaitlist({ holdingPlaces: holding, waitlist, settings, totalApplications: 30 }).admitted,
    ).toEqual([]);
  });
});

describe('carrying the waitlist into the next round', () => {
  it('carries everyone who did not decline, ahead of new applications, in original order', () => {
    const waitlist = [
      { id: 'a', countryOfResidence: 'AU', declinedCarryOver: false },
      { id: 'b', countryOfResidence: 'AU', declinedCarryOver: true },
      { id: 'c', countryOfResidence: 'GB', declinedCarryOver: false },
    ];
    const carried = listCarriedOver(waitlist);
    expect(carried.map((entry) => entry.id)).toEqual(['a', 'c']);
    const next = mergeCarriedOver(carried, [
      { id: 'n1', countryOfResidence: 'AU', declinedCarryOver: false },
      { id: 'c', countryOfResidence: 'GB', declinedCarryOver: false },
    ]);
    expect(next.map((entry) => entry.id)).toEqual(['a', 'c', 'n1']);
  });
});

describe('QuotaSettingsSchema', () => {
  it('accepts the defaults and refuses nonsense with a clear message', () => {
    expect(QuotaSettingsSchema.parse(DEFAULT_QUOTA_SETTINGS)).toEqual(DEFAULT_QUOTA_SETTINGS);
    const result = QuotaSettingsSchema.safeParse({ enabled: true, capPercent: 0, minimumPlaces: 5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('quota.capInvalid');
  });
});

describe('settleQuotaAtClose', () => {
  const statuses = [
    'pending',
    'pending',
    'pending',
    'accepted',
    'waitlisted',
    'declined',
    'withdrawn',
  ] as const;

  it('equals decideCountryQuota when every application is still pending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('AU', 'NZ', 'IN', 'PE'), { maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (countries, capPercent, minimumPlaces, enabled) => {
          const settings = { enabled, capPercent, minimumPlaces };
          const applications = countries.map((country, i) => ({ id: `a${i}`, countryOfResidence: country }));
          const expected = decideCountryQuota(applications, settings);
          const settled = settleQuotaAtClose(
            applications.map((a) => ({ ...a, status: 'pending' as const })),
            settings,
          );
          expect(settled.toWaitlist).toEqual(expected.waitlisted);
          expect(settled.capPerCountry).toBe(expected.capPerCountry);
        },
      ),
    );
  });

  it('keeps what coordinators did and never takes a country over its cap with pending applications', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('AU', 'NZ', 'IN'), fc.constantFrom(...statuses)), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 60 }),
        (rows, capPercent) => {
          const settings = { enabled: true, capPercent, minimumPlaces: 2 };
          const applications = rows.map(([country, status], i) => ({
            id: `a${i}`,
            countryOfResidence: country,
            status,
          }));
          const settled = settleQuotaAtClose(applications, settings);
          const moved = new Set(settled.toWaitlist);
          // Only pending applications move, and the cap counts every application not withdrawn.
          for (const a of applications) if (moved.has(a.id)) expect(a.status).toBe('pending');
          expect(settled.capPerCountry).toBe(
            computeCountryCap(applications.filter((a) => a.status !== 'withdrawn').length, settings),
          );
          for (const country of ['AU', 'NZ', 'IN']) {
            const inCountry = applications.filter((a) => a.countryOfResidence === country);
            const accepted = inCountry.filter((a) => a.status === 'accepted').length;
            const keptPending = inCountry.filter((a) => a.status === 'pending' && !moved.has(a.id));
            // Pending applications fill only the places accepted ones left (accepted may exceed the cap).
            expect(keptPending.length).toBeLessThanOrEqual(Math.max(0, settled.capPerCountry - accepted));
            // And they fill every such place before anyone is moved.
            if (inCountry.some((a) => moved.has(a.id))) {
              expect(keptPending.length).toBe(Math.max(0, settled.capPerCountry - accepted));
            }
            // First come, first served: every kept pending application came before every moved one.
            const lastKept = Math.max(-1, ...keptPending.map((a) => applications.indexOf(a)));
            const firstMoved = Math.min(
              Infinity,
              ...inCountry.filter((a) => moved.has(a.id)).map((a) => applications.indexOf(a)),
            );
            expect(lastKept).toBeLessThan(firstMoved);
          }
        },
      ),
    );
  });

  it('moves as many per country as countQuotaSettlement counts from the statuses alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('AU', 'NZ', 'IN', 'PE'), fc.constantFrom(...statuses)), {
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (rows, capPercent, minimumPlaces, enabled) => {
          const settings = { enabled, capPercent, minimumPlaces };
          const applications = rows.map(([country, status], i) => ({
            id: `a${i}`,
            countryOfResidence: country,
            status,
          }));
          const settled = settleQuotaAtClose(applications, settings);
          const moved = new Map<string, number>();
          for (const id of settled.toWaitlist) {
            const country = applications.find((a) => a.id === id)!.countryOfResidence;
            moved.set(country, (moved.get(country) ?? 0) + 1);
          }
          const counts = new Map<string, number>();
          for (const [country, status] of rows) {
            counts.set(`${country} ${status}`, (counts.get(`${country} ${status}`) ?? 0) + 1);
          }
          const counted = countQuotaSettlement(
            [...counts].map(([key, count]) => {
              const [countryOfResidence, status] = key.split(' ') as [string, (typeof statuses)[number]];
              return { countryOfResidence, status, count };
            }),
            settings,
          );
          expect(counted.capPerCountry).toBe(settled.capPerCountry);
          expect(counted.toWaitlistByCountry).toEqual(moved);
        },
      ),
    );
  });

  it('gives accepted applications their places first, then pending ones in submission order', () => {
    const settings = { enabled: true, capPercent: 20, minimumPlaces: 1 };
    // 5 applications: cap = max(1, ceil(1)) = 1. AU's later application was accepted by a coordinator.
    const settled = settleQuotaAtClose(
      [
        { id: 'au1', countryOfResidence: 'AU', status: 'pending' },
        { id: 'au2', countryOfResidence: 'AU', status: 'accepted' },
        { id: 'nz1', countryOfResidence: 'NZ', status: 'waitlisted' },
        { id: 'nz2', countryOfResidence: 'NZ', status: 'pending' },
        { id: 'in1', countryOfResidence: 'IN', status: 'withdrawn' },
      ],
      settings,
    );
    expect(settled.capPerCountry).toBe(1);
    expect(settled.toWaitlist).toEqual(['au1']);
  });
});
