import { getCountryName } from '../../../core/countries';
import { describeUnmatched } from '../../../i18n/partners';
import type { ShownProblem } from '../../../i18n/problems';
import type { BoardPerson } from '../../../services/matching/match-board';
import { BackLink, CsrfField, ErrorSummary, Notice, SelectField } from '../components';
import { useShell } from '../shell-context';
import { matchingPath, pairPath } from './matching-paths';
import { namesOf, nameWithCountry } from './matching-words';
import { PAIR_SLOTS, type PairPageModel, type PairSlot, pairQuery } from './pair-model';

/**
 * Pairing people by hand: choose a country for each place (a plain GET form), then the people
 * (a POST form that checks the rules first and names every rule broken, by person, before it
 * refuses); the people left without a partner are listed below with a link to choose them.
 */
export interface PairViewProps {
  model: PairPageModel;
  csrfToken: string;
  /** The rules the chosen people would break, in words, or other problems with the form. */
  problems: ShownProblem[];
  /** Set after a check that found nothing wrong. */
  isClear?: boolean;
}

const PersonSelect = ({ slot, model, error }: { slot: PairSlot; model: PairPageModel; error?: string }) => {
  const { t, locale } = useShell();
  const label = (person: BoardPerson) => {
    const partners = model.partnersOf.get(person.applicationId);
    const now =
      partners === undefined
        ? t('matching:pair.noPartner')
        : t('matching:pair.nowWith', { names: namesOf(locale, model.board.people, partners) });
    return t('matching:pair.option', {
      name: person.name,
      country: getCountryName(person.countryCode, locale),
      now,
    });
  };
  return (
    <SelectField
      name={slot.name}
      label={t(`matching:pair.slot.${slot.name}`)}
      hint={
        slot.country
          ? t('matching:pair.listedFrom', { country: getCountryName(slot.country, locale) })
          : t('matching:pair.listedUnmatched')
      }
      placeholder={slot.name === 'third' ? t('matching:pair.nobody') : t('matching:pair.choose')}
      options={slot.options.map((person) => ({ value: person.applicationId, label: label(person) }))}
      value={slot.chosen}
      required={slot.name !== 'third'}
      error={error}
    />
  );
};

export const PairView = ({ model, csrfToken, problems, isClear = false }: PairViewProps) => {
  const words = useShell();
  const { t, locale } = words;
  const { board } = model;
  const roundId = board.round.id;
  const countryOptions = model.countries
    .map(({ code, count }) => ({
      value: code,
      label: t('matching:pair.countryOption', { country: getCountryName(code, locale), count }),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const errorFor = (field: string) =>
    problems
      .filter((problem) => problem.field === field)
      .map((problem) => problem.message)
      .join(' ') || undefined;
  const nextSlot = PAIR_SLOTS.find((slot) => !model.choices.people[slot]) ?? 'second';
  const chosen = new Set(Object.values(model.choices.people));
  return (
    <section>
      <BackLink href={matchingPath(roundId)} label={t('matching:pair.backToBoard')} />
      <h1>{t('matching:pair.title')}</h1>
      <p class="lead">{t('matching:pair.intro')}</p>
      {!board.canEdit && (
        <Notice kind="warning">
          <p>{t('matching:board.notMatchable')}</p>
        </Notice>
      )}
      {isClear && (
        <Notice kind="success">
          <p>{t('matching:pair.clear')}</p>
        </Notice>
      )}
      <form method="get" action={pairPath(roundId)} class="panel">
        <h2 id="pair-countries">{t('matching:pair.countriesHeading')}</h2>
        {PAIR_SLOTS.map((slot) =>
          model.choices.people[slot] ? (
            <input type="hidden" name={slot} value={model.choices.people[slot]} />
          ) : null,
        )}
        <div class="field-grid">
          {PAIR_SLOTS.map((slot) => (
            <SelectField
              name={`${slot}Country`}
              label={t(`matching:pair.countryOf.${slot}`)}
              placeholder={t('matching:pair.unmatchedOnly')}
              options={countryOptions}
              value={model.choices.countries[slot]}
            />
          ))}
        </div>
        <button type="submit" class="button button--secondary">
          {t('matching:pair.listPeople')}
        </button>
      </form>
      <form method="post" action={pairPath(roundId)} class="panel">
        <h2 id="pair-people">{t('matching:pair.peopleHeading')}</h2>
        <ErrorSummary errors={problems} title={t('matching:pair.problemsTitle')} />
        <CsrfField token={csrfToken} />
        {PAIR_SLOTS.map((slot) =>
          model.choices.countries[slot] ? (
            <input type="hidden" name={`${slot}Country`} value={model.choices.countries[slot]} />
          ) : null,
        )}
        {model.slots.map((slot) => (
          <PersonSelect slot={slot} model={model} error={errorFor(slot.name)} />
        ))}
        <div class="actions">
          <button type="submit" name="intent" value="check" class="button button--secondary">
            {t('matching:pair.check')}
          </button>{' '}
          <button type="submit" name="intent" value="pair" class="button">
            {t('matching:pair.submit')}
          </button>
        </div>
      </form>
      <section aria-labelledby="pair-unmatched">
        <h2 id="pair-unmatched">{t('matching:pair.unmatchedHeading')}</h2>
        {model.unmatched.length === 0 ? (
          <p>{board.run ? t('matching:unmatchedList.none') : t('matching:board.noRun')}</p>
        ) : (
          <ul class="unmatched-list">
            {model.unmatched.map((person) => (
              <li>
                <strong>{nameWithCountry(words, board.people, person.applicationId)}</strong>
                <br />
                {describeUnmatched(words.t, person)}{' '}
                {!chosen.has(person.applicationId) && (
                  <a
                    href={pairPath(
                      roundId,
                      pairQuery(model.choices, {
                        [nextSlot]: person.applicationId,
                        [`${nextSlot}Country`]: board.people.get(person.applicationId)?.countryCode,
                      }),
                    )}
                  >
                    {t(`matching:pair.chooseAs.${nextSlot}`)}
                    <span class="visually-hidden">
                      {' '}
                      {t('matching:actions.forNames', {
                        names: board.people.get(person.applicationId)?.name,
                      })}
                    </span>
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
};
