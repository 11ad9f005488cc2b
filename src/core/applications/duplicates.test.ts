import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDuplicateProbe,
  type DuplicateCandidate,
  findNameDuplicateOf,
  isAdmittedByProbe,
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

describe('findNameDuplicateOf', () => {
  const keyed = (candidate: DuplicateCandidate) => ({
    id: candidate.id,
    nameKey: normaliseName(candidate.name),
  });

  it('agrees with listLikelyDuplicates on the name pairs a newcomer forms in its country', () => {
    const names = [
      'Ana Silva',
      'Ana Maria Silva',
      'José García',
      'Jose Garcia',
      'Mei Chen',
      'Chen Mei',
      'Tom Lee',
    ];
    for (let trial = 0; trial < 200; trial++) {
      const round = Array.from({ length: 6 }, (_, i) =>
        applicant(names[(trial * 7 + i * 3) % names.length]!, 'BR'),
      );
      const newcomer = applicant(names[trial % names.length]!, 'BR');
      const expected = listLikelyDuplicates([...round, newcomer]).find(
        (pair) => pair.secondId === newcomer.id,
      );
      const found = findNameDuplicateOf(newcomer.name, round.map(keyed));
      expect(found).toEqual(expected ? { firstId: expected.firstId, reason: expected.reason } : undefined);
    }
  });

  it('finds nothing for a new name', () => {
    const earlier = [keyed(applicant('Ana Silva', 'BR'))];
    expect(findNameDuplicateOf('Rui Costa', earlier)).toBeUndefined();
    expect(findNameDuplicateOf('Jose  GARCÍA', [keyed(applicant('José García', 'ES'))])?.reason).toBe(
      'same-name',
    );
  });
});

describe('DuplicateProbe', () => {
  // Names from a few short syllables, so that near-duplicates (one letter off, a token more) are common.
  const token = fc
    .array(fc.constantFrom('an', 'a', 'ma', 'ri', 'jo', 'sé', 'li', 'n', 'e', 'o'), {
      minLength: 1,
      maxLength: 4,
    })
    .map((parts) => parts.join(''));
  const name = fc.array(token, { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join(' '));

  it('admits every earlier name the newcomer could be flagged against (it only ever filters out non-matches)', () => {
    let flagged = 0;
    fc.assert(
      fc.property(name, name, fc.nat(), fc.integer({ min: 0, max: 5 }), (earlierName, other, at, kind) => {
        // Mostly near-duplicates of the earlier name: a letter changed, added or removed (once or
        // twice), a token added or dropped; sometimes an unrelated name.
        const edit = (text: string, position: number) => {
          const i = position % (text.length + 1);
          if (kind === 0) return `${text.slice(0, i)}x${text.slice(i + 1)}`;
          if (kind === 1) return `${text.slice(0, i)}q${text.slice(i)}`;
          return `${text.slice(0, i)}${text.slice(i + 1)}`;
        };
        const newName =
          kind <= 2
            ? edit(edit(earlierName, at), at >> 3)
            : kind === 3
              ? `${earlierName} ${other}`
              : kind === 4
                ? earlierName.split(' ').slice(1).join(' ') || other
                : other;
        const match = findNameDuplicateOf(newName, [{ id: 'earlier', nameKey: normaliseName(earlierName) }]);
        if (match) {
          flagged++;
          expect(isAdmittedByProbe(createDuplicateProbe(newName), normaliseName(earlierName))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    // The generator must produce matches, or the property says nothing.
    expect(flagged).toBeGreaterThan(200);
  });

  it('keeps most unrelated names out', () => {
    const probe = createDuplicateProbe('Maria Fernanda Oliveira');
    expect(isAdmittedByProbe(probe, normaliseName('Mariа Fernanda Olivera'))).toBe(true);
    expect(isAdmittedByProbe(probe, normaliseName('Oliveira Maria'))).toBe(true);
    expect(isAdmittedByProbe(probe, normaliseName('Tomás Gutiérrez'))).toBe(false);
    expect(isAdmittedByProbe(probe, normaliseName('Wu Hao'))).toBe(false);
  });
});
