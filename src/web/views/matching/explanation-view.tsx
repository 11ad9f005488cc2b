import type { CriterionCheck, PairExplanation, PreferenceCheck } from '../../../core/matchmaking';
import { FIT_PARTS, type FitWeights } from '../../../core/scoring/match-settings';
import { labelFor, languageName } from '../../../i18n/labels';
import { useShell } from '../shell-context';
import { formatNumber, listOf, nameOf, type People, type Words } from './matching-words';
import { describeOverlap } from './overlap-words';

/**
 * Why two people were matched, in plain words: shared interests (rarest first) and words they both
 * wrote, their call time in both local times, the languages they share with both levels, whether
 * each one's partner preference is met, their sectors and career stages, and how the fit adds up.
 */
const criterion = (words: Words, check: CriterionCheck, met: string, notMet: string): string[] =>
  check === 'no-preference' ? [] : [words.t(check === 'met' ? met : notMet)];

const describePreference = (words: Words, name: string, check: PreferenceCheck): string => {
  if (check.openToAnyone) return words.t('matching:explain.preferenceOpen', { name });
  const criteria = [
    ...criterion(words, check.sector, 'matching:explain.sectorMet', 'matching:explain.sectorNotMet'),
    ...criterion(words, check.careerStage, 'matching:explain.stageMet', 'matching:explain.stageNotMet'),
  ];
  return criteria.length === 0
    ? words.t('matching:explain.preferenceNone', { name })
    : words.t('matching:explain.preferenceCriteria', { name, criteria: listOf(words.locale, criteria) });
};

/** "Both: Mid career" (or "both Fluent" inside a sentence), else "Ana Souza: Early career; Ben Li: Mid career". */
const bothOrEach = (
  words: Words,
  names: [string, string],
  values: [string, string],
  inline = false,
): string =>
  values[0] === values[1]
    ? words.t(inline ? 'matching:explain.bothLevel' : 'matching:explain.both', { value: values[0] })
    : words.t('matching:explain.each', {
        firstName: names[0],
        first: values[0],
        secondName: names[1],
        second: values[1],
      });

export const PairExplanationView = ({
  pair,
  people,
  programTimeZone,
}: {
  pair: PairExplanation;
  people: People;
  programTimeZone: string;
}) => {
  const words = useShell();
  const { t, locale } = words;
  const names: [string, string] = [
    nameOf(people, pair.applicationIds[0]),
    nameOf(people, pair.applicationIds[1]),
  ];
  const calls = describeOverlap(words, pair.overlap, pair.timeZones, programTimeZone);
  const languages = pair.sharedLanguages.map((language) =>
    t('matching:explain.language', {
      language: languageName(language.code, locale),
      levels: bothOrEach(
        words,
        names,
        [labelFor(t, 'languageLevel', language.levels[0]), labelFor(t, 'languageLevel', language.levels[1])],
        true,
      ),
    }),
  );
  return (
    <dl class="explanation">
      <dt>{t('matching:explain.interestsLabel')}</dt>
      <dd>
        {pair.sharedInterests.length === 0
          ? t('matching:explain.noInterests')
          : listOf(
              locale,
              pair.sharedInterests.map((interest) => labelFor(t, 'interest', interest.interestId)),
            )}
      </dd>
      {pair.sharedTerms.length > 0 && (
        <>
          <dt>{t('matching:explain.termsLabel')}</dt>
          <dd>
            {listOf(
              locale,
              pair.sharedTerms.map((term) => t('matching:explain.term', { term: term.surface })),
            )}
          </dd>
        </>
      )}
      <dt>{t('matching:explain.callsLabel')}</dt>
      <dd>
        <p>{calls.summary}</p>
        {calls.windows.length > 0 && (
          <ul>
            {calls.windows.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
        {calls.periods.length > 0 && (
          <ul>
            {calls.periods.map((period) => (
              <li>
                {period.heading}
                {period.windows.length > 0 && (
                  <ul>
                    {period.windows.map((line) => (
                      <li>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('matching:explain.languagesLabel')}</dt>
      <dd>{languages.length === 0 ? t('matching:explain.noLanguages') : listOf(locale, languages)}</dd>
      <dt>{t('matching:explain.preferencesLabel')}</dt>
      <dd>
        {describePreference(words, names[0], pair.preferences[0])}{' '}
        {describePreference(words, names[1], pair.preferences[1])}
      </dd>
      <dt>{t('matching:explain.sectorLabel')}</dt>
      <dd>
        {bothOrEach(words, names, [
          labelFor(t, 'sector', pair.sectors[0]),
          labelFor(t, 'sector', pair.sectors[1]),
        ])}
      </dd>
      <dt>{t('matching:explain.stageLabel')}</dt>
      <dd>
        {bothOrEach(words, names, [
          labelFor(t, 'careerStage', pair.careerStages[0]),
          labelFor(t, 'careerStage', pair.careerStages[1]),
        ])}
      </dd>
    </dl>
  );
};

/** The parts of a fit against their weights, as a small table inside a disclosure. */
export const FitPartsView = ({ pair, weights }: { pair: PairExplanation; weights: FitWeights }) => {
  const { t, locale } = useShell();
  return (
    <details class="fit-parts">
      <summary>{t('matching:explain.fitPartsSummary', { fit: formatNumber(locale, pair.fit) })}</summary>
      <table class="table">
        <caption class="visually-hidden">{t('matching:explain.fitPartsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching:explain.fitPartColumn')}</th>
            <th scope="col" class="num">
              {t('matching:explain.pointsColumn')}
            </th>
            <th scope="col" class="num">
              {t('matching:explain.weightColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {FIT_PARTS.map((part) => (
            <tr>
              <th scope="row">{t(`matching:fitPart.${part}`)}</th>
              <td class="num">{formatNumber(locale, pair.parts[part])}</td>
              <td class="num">{formatNumber(locale, weights[part])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
};
