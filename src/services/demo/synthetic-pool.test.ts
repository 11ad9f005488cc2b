import { describe, expect, it } from 'vitest';
import { ApplicationAnswersSchema } from '../../core/applications/application-answers';
import { DEFAULT_QUOTA_SETTINGS, decideCountryQuota } from '../../core/applications/country-quota';
import { listLikelyDuplicates } from '../../core/applications/duplicates';
import { CAREER_STAGES, SECTORS } from '../../core/applications/labels';
import { getCountry } from '../../core/countries/countries';
import { COUNTRY_MIX } from './country-mix';
import { NAME_GROUPS, type NameGroupId } from './name-lists';
import { SECTOR_PROFILES } from './sector-profiles';
import { generateSyntheticPool } from './synthetic-pool';

const countByCountry = (pool: ReturnType<typeof generateSyntheticPool>) => {
  const counts = new Map<string, number>();
  for (const { answers } of pool)
    counts.set(answers.countryOfResidence, (counts.get(answers.countryOfResidence) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a);
};

describe('generateSyntheticPool', () => {
  const pool = generateSyntheticPool({ count: 400, seed: 2013 });

  it('is the same pool for the same seed and a different one for another seed', () => {
    expect(generateSyntheticPool({ count: 400, seed: 2013 })).toEqual(pool);
    expect(generateSyntheticPool({ count: 400, seed: 2014 })).not.toEqual(pool);
  });

  it('makes answers that satisfy the application schema, for several seeds and sizes', () => {
    for (const [count, seed] of [
      [400, 2013],
      [50, 1],
      [600, 99],
    ] as const) {
      for (const applicant of generateSyntheticPool({ count, seed, duplicates: 5 })) {
        const result = ApplicationAnswersSchema.safeParse(applicant.answers);
        expect(result.success, `${applicant.key}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        expect(result.data).toEqual(applicant.answers);
      }
    }
  }, 20_000);

  it('has the real program’s skew: one country with about 50 of 392, a few holding most, 40+ countries', () => {
    const firstFullRound = countByCountry(generateSyntheticPool({ count: 392, seed: 5 }));
    expect(firstFullRound[0]).toBe(50);
    const counts = countByCountry(pool);
    expect(counts.length).toBeGreaterThanOrEqual(40);
    const topShare = (n: number) => counts.slice(0, n).reduce((sum, k) => sum + k, 0) / 400;
    expect(topShare(5)).toBeGreaterThanOrEqual(0.4);
    expect(topShare(10)).toBeGreaterThan(0.5);
    expect(counts[0]! / 400).toBeLessThan(0.2);
  });

  it('can be limited to the most represented countries', () => {
    const demo = generateSyntheticPool({ count: 400, seed: 1, countries: 40 });
    expect(countByCountry(demo)).toHaveLength(40);
    expect(countByCountry(generateSyntheticPool({ count: 10, seed: 1, countries: 1 }))).toEqual([10]);
  });

  it('can make one country exceed the quota so the waitlist has people on it', () => {
    const crowded = generateSyntheticPool({ count: 400, seed: 3, topCountryShare: 0.3 });
    const decision = decideCountryQuota(
      crowded.map((applicant) => ({
        id: applicant.key,
        countryOfResidence: applicant.answers.countryOfResidence,
      })),
      DEFAULT_QUOTA_SETTINGS,
    );
    expect(decision.waitlisted).toHaveLength(120 - 80);
  });

  it('gives plausible zones and languages for each country', () => {
    for (const { answers } of pool) {
      const country = getCountry(answers.countryOfResidence);
      expect(country.timeZones, answers.countryOfResidence).toContain(answers.timeZone);
      expect(country.languages).toContain(answers.languages[0]!.code);
      expect(answers.languages[0]!.level).toBe('native');
    }
  });

  it('correlates interests with sector', () => {
    let fromProfile = 0;
    let total = 0;
    for (const { answers } of pool) {
      const profile = new Set<string>(SECTOR_PROFILES[answers.sector].interests);
      fromProfile += answers.interests.filter((id) => profile.has(id)).length;
      total += answers.interests.length;
    }
    // With uniform choices about 10% would come from the sector's profile.
    expect(fromProfile / total).toBeGreaterThan(0.35);
  });

  it('uses only reserved example domains and unique emails', () => {
    const emails = pool.map((applicant) => applicant.answers.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+\.\d+@example\.(org|net|com)$/);
  });

  it('numbers submissions in time order inside the application window', () => {
    const roundStartsAt = new Date('2025-09-08T00:00:00Z');
    const dated = generateSyntheticPool({ count: 100, seed: 8, roundStartsAt });
    expect(dated.map((applicant) => applicant.submissionOrder)).toEqual(dated.map((_, index) => index + 1));
    const opensAt = Date.parse('2025-08-04T00:00:00Z');
    const closesAt = Date.parse('2025-08-25T00:00:00Z');
    for (let i = 0; i < dated.length; i++) {
      const at = dated[i]!.submittedAt!.getTime();
      expect(at).toBeGreaterThanOrEqual(opensAt);
      expect(at).toBeLessThan(closesAt);
      if (i > 0)
        expect(dated[i]!.submittedOffsetMinutes).toBeGreaterThanOrEqual(dated[i - 1]!.submittedOffsetMinutes);
    }
    expect(pool[0]!.submittedAt).toBeUndefined();
  });

  it('adds re-submissions that duplicate detection finds', () => {
    const withDuplicates = generateSyntheticPool({ count: 200, seed: 11, duplicates: 6 });
    expect(withDuplicates).toHaveLength(206);
    const byKey = new Map(withDuplicates.map((applicant) => [applicant.key, applicant]));
    const flagged = listLikelyDuplicates(
      withDuplicates.map((applicant) => ({ id: applicant.key, ...applicant.answers })),
    ).map((pair) => [pair.firstId, pair.secondId].sort().join('|'));
    for (const duplicate of withDuplicates.filter((applicant) => applicant.duplicateOf)) {
      const original = byKey.get(duplicate.duplicateOf!)!;
      expect(duplicate.submissionOrder).toBeGreaterThan(original.submissionOrder);
      expect(flagged).toContain([original.key, duplicate.key].sort().join('|'));
    }
  });

  describe('people who look real', () => {
    // Several seeds and the demo's own shapes, every country of the mix present.
    const people = [
      ...generateSyntheticPool({ count: 2000, seed: 2013 }),
      ...generateSyntheticPool({ count: 600, seed: 7, countries: 40, topCountryShare: 0.24 }),
    ].filter((applicant) => applicant.duplicateOf === undefined);

    /** The groups whose given and family names make up `name` (given as a woman's or a man's). */
    const groupsOf = (name: string): NameGroupId[] =>
      (Object.keys(NAME_GROUPS) as NameGroupId[]).filter((id) => {
        const group = NAME_GROUPS[id];
        const fits = (given: readonly string[], family: readonly string[]) =>
          given.some((g) => family.some((f) => `${g} ${f}` === name));
        return fits(group.women, group.familyOfWomen ?? group.family) || fits(group.men, group.family);
      });

    it('names everyone from one naming tradition of their own country', () => {
      expect(new Set(people.map((p) => p.answers.countryOfResidence)).size).toBe(COUNTRY_MIX.length);
      for (const { answers } of people) {
        const mix = COUNTRY_MIX.find((entry) => entry.code === answers.countryOfResidence)!;
        const countryGroups = mix.names.map(([id]) => id);
        expect(
          groupsOf(answers.name).some((id) => countryGroups.includes(id)),
          `${answers.name} (${answers.countryOfResidence})`,
        ).toBe(true);
      }
    });

    it('never gives a Nigerian a Ghanaian name, nor mixes a Malaysian’s traditions', () => {
      const ghanaian = new Set([...NAME_GROUPS.ghanaian.women, ...NAME_GROUPS.ghanaian.men]);
      const nigerians = people.filter((p) => p.answers.countryOfResidence === 'NG');
      expect(nigerians.length).toBeGreaterThan(20);
      for (const { answers } of nigerians) expect(ghanaian.has(answers.name.split(' ')[0]!)).toBe(false);
      const malaysians = people.filter((p) => p.answers.countryOfResidence === 'MY');
      expect(malaysians.length).toBeGreaterThan(10);
      for (const { answers } of malaysians) expect(groupsOf(answers.name).length).toBeGreaterThan(0);
    });

    it('uses the feminine family name with a woman’s given name where the tradition has one', () => {
      expect(groupsOf('Eleni Papadopoulou')).toEqual(['greek']);
      expect(groupsOf('Eleni Papadopoulos')).toEqual([]);
      expect(groupsOf('Giorgos Papadopoulos')).toEqual(['greek']);
      for (const group of Object.values(NAME_GROUPS)) {
        if (group.familyOfWomen) expect(group.familyOfWomen).toHaveLength(group.family.length);
      }
    });

    it('has a role for every career stage in every sector', () => {
      for (const sector of SECTORS) {
        for (const stage of CAREER_STAGES) {
          expect(
            SECTOR_PROFILES[sector].roles.some((role) => role.stages.includes(stage)),
            `${sector}/${stage}`,
          ).toBe(true);
        }
      }
    });

    it('gives each person a role, a career stage and years in the profession that agree', () => {
      for (const { answers } of people) {
        const role = SECTOR_PROFILES[answers.sector].roles.find((r) => r.title === answers.role);
        const who = `${answers.name}: ${answers.role}, ${answers.careerStage}, ${answers.yearsInProfession} years`;
        expect(role?.stages, who).toContain(answers.careerStage);
        if (answers.careerStage === 'student') {
          expect(answers.yearsInProfession, who).toBeLessThanOrEqual(2);
          expect(answers.role, who).not.toMatch(/lecturer|professor|director|head of|manager|curator/i);
        }
        if (/lecturer|professor|director|head of/i.test(answers.role)) {
          expect(['mid', 'late'], who).toContain(answers.careerStage);
          expect(answers.yearsInProfession, who).toBeGreaterThanOrEqual(6);
        }
        if (answers.careerStage === 'late') expect(answers.yearsInProfession, who).toBeGreaterThanOrEqual(18);
      }
    });
  });

  it('handles empty and tiny pools', () => {
    expect(generateSyntheticPool({ count: 0, seed: 1 })).toEqual([]);
    expect(generateSyntheticPool({ count: 3, seed: 1 })).toHaveLength(3);
  });
});
