import { describe, expect, test } from 'vitest';
import { computeRetentionCutoff, eraseAnswers, erasedEmail, firstNameOf, isErasedEmail } from './erasure';

describe('erasure', () => {
  test('answers lose every free text and identifier, and keep what aggregates count', () => {
    const answers = {
      name: 'Ana Wekesa',
      email: 'ana@example.org',
      countryOfResidence: 'KE',
      role: 'Archivist at the Nairobi City Archive',
      otherInterests: 'My cat',
      hopes: 'To meet Ana from Lagos',
      heardFromDetail: 'Bob told me',
      sector: 'academic',
      careerStage: 'mid-career',
    } as unknown as Parameters<typeof eraseAnswers>[0];
    const erased = eraseAnswers(answers, 'app-1');
    expect(erased).toMatchObject({
      name: '—',
      email: 'erased-app-1@erased.invalid',
      role: '',
      otherInterests: '',
      hopes: '',
      heardFromDetail: '',
      countryOfResidence: 'KE',
      sector: 'academic',
      careerStage: 'mid-career',
    });
    expect(JSON.stringify(erased)).not.toMatch(/Ana|Wekesa|Nairobi|cat|Bob|example\.org/);
    expect(answers.name).toBe('Ana Wekesa');
  });

  test('erased addresses are recognisable and undeliverable', () => {
    expect(isErasedEmail(erasedEmail('p1'))).toBe(true);
    expect(isErasedEmail('ana@example.org')).toBe(false);
  });

  test('first names are the first word', () => {
    expect(firstNameOf('  Ana María Wekesa ')).toBe('Ana');
    expect(firstNameOf('')).toBe('');
  });

  test('the retention cutoff is N calendar months before today (UTC)', () => {
    expect(computeRetentionCutoff(new Date('2026-07-01T10:00:00Z'), 12)).toBe('2025-07-01');
    expect(computeRetentionCutoff(new Date('2026-03-31T23:30:00Z'), 1)).toBe('2026-02-28');
  });
});
