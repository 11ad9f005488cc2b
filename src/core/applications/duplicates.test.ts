import { describe, expect, it } from 'vitest';
import {
  type DuplicateCandidate,
  findLikelyDuplicateOf,
  listLikelyDuplicates,
  measureEditDistance,
  normaliseName,
} from './duplicates';

let next = 0;
const applicant = (name: string, countryOfResidence: string, email?: string): DuplicateCandidate => {
  next++;
  return { id: `a${next}`, name, countryOfResidence, email: email ?? `person${next}@example.org` };
};

describe('normaliseName', () => {
  it.each([
    ['José  Álvarez', 'alvarez jose'],
    ['García López, María', 'garcia lopez maria'],
    ['Søren Kierkegaard', 'kierkegaard soren'],
    ['Zoë O’Brien-Smith', 'obrien smith zoe'],
    ['Müller, Jürgen', 'jurgen muller'],
    ['Łukasz Straße', 'lukasz strasse'],
  ])('%s → %s', (name, normalised) => expect(normaliseName(name)).toBe(normalised));
});

describe('measureEditDistance', () => {
  it.each([
    ['', '', 0],
    ['kitten', 'sitting', 3],
    ['anne', 'ann', 1],
    ['abc', 'abc', 0],
  ])('%s ↔ %s is %i', (a, b, distance) => expect(measureEditDistance(a, b)).toBe(distance));

  it('stops early past the limit', () => {
    expect(measureEditDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('listLikelyDuplicates', () => {
  it('flags the same person under different spellings in the same country', () => {
    const apps = [
      applicant('María García', 'ES'),
      applicant('Garcia, Maria', 'ES'),
      applicant('Ngozi Okafor', 'NG'),
      applicant('Ngozi Okafo', 'NG'),
      applicant('Ana Silva', 'BR'),
      applicant('Ana Maria Silva', 'BR'),
      applicant('Tom Lee', 'AU'),
      applicant('Tim Lee', 'AU'),
    ];
    expect(listLikelyDuplicates(apps)).toEqual([
      { firstId: apps[0]!.id, secondId: apps[1]!.id, reason: 'same-name' },
      { firstId: apps[2]!.id, secondId: apps[3]!.id, reason: 'similar-name' },
      { firstId: apps[4]!.id, secondId: apps[5]!.id, reason: 'name-contained' },
      { firstId: apps[6]!.id, secondId: apps[7]!.id, reason: 'similar-name' },
    ]);
  });

  it('does not pair the same name across countries, or different people', () => {
    const apps = [
      applicant('Maria Garcia', 'ES'),
      applicant('Maria Garcia', 'MX'),
      applicant('John Smith', 'GB'),
      applicant('Joan Smythe', 'GB'),
      applicant('Li Wei', 'CN'),
      applicant('Li Na', 'CN'),
    ];
    expect(listLikelyDuplicates(apps)).toEqual([]);
  });

  it('flags the same email whatever the country and name, once per pair', () => {
    const apps = [
      applicant('Kim Lee', 'KR', 'Kim@Example.org'),
      applicant('K. Lee', 'US', 'kim@example.org '),
      applicant('Kim Lee', 'KR', 'kim@example.org'),
    ];
    expect(listLikelyDuplicates(apps)).toEqual([
      { firstId: apps[0]!.id, secondId: apps[1]!.id, reason: 'same-email' },
      { firstId: apps[0]!.id, secondId: apps[2]!.id, reason: 'same-email' },
      { firstId: apps[1]!.id, secondId: apps[2]!.id, reason: 'same-email' },
    ]);
  });

  it('ignores names with nothing to compare', () => {
    expect(listLikelyDuplicates([applicant('—', 'FR'), applicant('...', 'FR')])).toEqual([]);
  });
});

describe('findLikelyDuplicateOf', () => {
  it('agrees with listLikelyDuplicates on the pairs a newcomer forms', () => {
    const names = [
      'Ana Silva',
      'Ana Maria Silva',
      'José García',
      'Jose Garcia',
      'Mei Chen',
      'Chen Mei',
      'Tom Lee',
    ];
    const countries = ['BR', 'ES', 'CN'];
    for (let trial = 0; trial < 200; trial++) {
      const round = Array.from({ length: 6 }, (_, i) =>
        applicant(
          names[(trial * 7 + i * 3) % names.length]!,
          countries[(trial + i) % 3]!,
          i === 4 && trial % 5 === 0 ? 'same@example.org' : undefined,
        ),
      );
      const newcomer = applicant(
        names[trial % names.length]!,
        countries[trial % 3]!,
        trial % 5 === 0 ? 'same@example.org' : undefined,
      );
      const expected = listLikelyDuplicates([...round, newcomer]).find(
        (pair) => pair.secondId === newcomer.id,
      );
      expect(findLikelyDuplicateOf(newcomer, round)).toEqual(expected);
    }
  });

  it('finds nothing for a new name or another country', () => {
    const earlier = [applicant('Ana Silva', 'BR')];
    expect(findLikelyDuplicateOf(applicant('Ana Silva', 'PT'), earlier)).toBeUndefined();
    expect(findLikelyDuplicateOf(applicant('Rui Costa', 'BR'), earlier)).toBeUndefined();
  });
});
