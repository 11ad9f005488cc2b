import { describe, expect, it } from 'vitest';
import { buildTextVectors, TEXT_SCALE, TEXT_SCALE_SQUARED } from './text-vectors';
import { tokenizeText } from './tokenize';

const terms = (text: string) => tokenizeText(text).map((t) => t.term);

describe('tokenizeText', () => {
  it.each([
    [
      'drops accents from Latin letters and folds ß, ł',
      'Bibliothèque numérique, Straße & ŁÓDŹ!',
      ['bibliotheque', 'numerique', 'strasse', 'lodz'],
    ],
    ['folds compatibility forms', 'ﬁle ＡＢＣ', ['file', 'abc']],
    [
      'keeps Greek and Cyrillic words, without accents',
      'Οι βιβλιοθήκες; библиотеки Москвы',
      ['οι', 'βιβλιοθηκες', 'библиотеки', 'москвы'],
    ],
    ['keeps the vowel signs of Devanagari', 'पुस्तकालय सेवा', ['पुस्तकालय', 'सेवा']],
    ['cuts Chinese into bigrams', '图书馆', ['图书', '书馆']],
    ['cuts Thai into bigrams of characters with their marks', 'ห้องสมุด', ['ห้อ', 'อง', 'งส', 'สมุ', 'มุด']],
    ['splits mixed runs by script and keeps numbers', 'AI图书馆 2024', ['ai', '图书', '书馆', '2024']],
    ['keeps Korean words whole', '도서관 디지털', ['도서관', '디지털']],
    ['drops one-letter words', 'a b cd', ['cd']],
  ])('%s', (_name, text, expected) => expect(terms(text)).toEqual(expected));

  it('keeps the surface form for showing', () => {
    expect(tokenizeText('Bibliothèque')).toEqual([{ term: 'bibliotheque', surface: 'Bibliothèque' }]);
  });
});

describe('buildTextVectors', () => {
  const dot = (v: ReturnType<typeof buildTextVectors>, a: number, b: number) => {
    let sum = 0;
    for (let x = v.start[a]!; x < v.start[a + 1]!; x++) {
      for (let y = v.start[b]!; y < v.start[b + 1]!; y++)
        if (v.term[x] === v.term[y]) sum += v.weight[x]! * v.weight[y]!;
    }
    return sum / TEXT_SCALE_SQUARED;
  };

  it('scores the same words with or without accents as the same text, and unrelated text 0', () => {
    const v = buildTextVectors([
      'préservation numérique des archives',
      'preservation numerique des archives',
      'makerspaces for teenagers',
      'community zines',
    ]);
    expect(dot(v, 0, 1)).toBeCloseTo(1, 3);
    expect(dot(v, 0, 2)).toBe(0);
  });

  it('gives a word every document has no weight and keeps words of one document out', () => {
    const v = buildTextVectors(['library maps', 'library podcasts', 'library maps']);
    const library = v.vocabulary.findIndex((t) => t.term === 'library');
    expect(v.vocabulary[library]!.idf).toBe(0);
    expect([...v.term]).not.toContain(library);
    const podcasts = v.vocabulary.findIndex((t) => t.term === 'podcasts');
    expect([...v.term]).not.toContain(podcasts);
    expect(v.weight[v.start[0]!]).toBe(TEXT_SCALE);
  });

  it('matches Chinese and Japanese texts that share characters', () => {
    const v = buildTextVectors(['数字图书馆', '图书馆员', '公共图书馆', 'archives']);
    expect(dot(v, 0, 1)).toBeGreaterThan(0);
    expect(dot(v, 0, 3)).toBe(0);
  });
});
