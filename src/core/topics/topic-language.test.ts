import { expect, test } from 'vitest';
import { chooseTopicText, topicLanguages } from './topic-language';

const topic = {
  title: 'Library spaces',
  body: 'Describe your favourite library space.',
  translations: { es: { title: 'Espacios', body: 'Describe tu espacio favorito.' } },
};

test.each([
  ['Spanish', 'es', 'Espacios', 'es'],
  ['Spanish of Mexico reads Spanish', 'es-MX', 'Espacios', 'es'],
  ['an underscore tag', 'es_AR', 'Espacios', 'es'],
  ['upper case', 'ES', 'Espacios', 'es'],
  ['French without a translation falls back to English', 'fr', 'Library spaces', 'en'],
  ['a language topics are never translated into', 'de', 'Library spaces', 'en'],
  ['English', 'en', 'Library spaces', 'en'],
  ['no language', undefined, 'Library spaces', 'en'],
  ['nonsense', '???', 'Library spaces', 'en'],
])('%s', (_name, locale, title, chosen) => {
  const text = chooseTopicText(topic, locale);
  expect(text.title).toBe(title);
  expect(text.locale).toBe(chosen);
});

test('the languages a topic can be read in: English first, then its translations', () => {
  expect(topicLanguages(topic)).toEqual(['en', 'es']);
  expect(topicLanguages({ translations: {} })).toEqual(['en']);
});
