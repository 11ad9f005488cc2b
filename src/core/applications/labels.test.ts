import { describe, expect, it } from 'vitest';
import { INTEREST_GROUPS, INTEREST_IDS, isInterestId } from './interest-taxonomy';

describe('interest taxonomy', () => {
  it('has 40 to 60 unique kebab-case interests in named groups', () => {
    expect(INTEREST_IDS.length).toBeGreaterThanOrEqual(40);
    expect(INTEREST_IDS.length).toBeLessThanOrEqual(60);
    expect(new Set(INTEREST_IDS).size).toBe(INTEREST_IDS.length);
    for (const id of INTEREST_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    for (const group of INTEREST_GROUPS) expect(group.interests.length).toBeGreaterThan(0);
    expect(isInterestId('cataloguing')).toBe(true);
    expect(isInterestId('knitting')).toBe(false);
  });
});
