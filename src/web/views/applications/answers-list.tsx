import type { ApplicationAnswers } from '../../../core/applications';
import { getCountryName } from '../../../core/countries';
import { formatTimeZone } from '../format';
import { useShell } from '../shell-context';

/** Every answer, labelled, as the applicant gave it. */
export const AnswersList = ({ answers }: { answers: ApplicationAnswers }) => {
  const { t, locale } = useShell();
  const label = (key: string) => t(`applications:labels.${key}`);
  const k = (key: string) => t(`applications:view.${key}`);
  const languageNames = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
  const list = (items: string[]) => (items.length === 0 ? k('none') : items.join(', '));
  const rows: [string, string][] = [
    [k('name'), answers.name],
    [k('email'), answers.email],
    [k('country'), getCountryName(answers.countryOfResidence, locale)],
    [k('timeZone'), formatTimeZone(answers.timeZone, locale)],
    [
      k('languages'),
      answers.languages
        .map(
          (skill) =>
            `${languageNames.of(skill.code) ?? skill.code} (${label(`languageLevel.${skill.level}`)})`,
        )
        .join(', '),
    ],
    [k('sector'), label(`sector.${answers.sector}`)],
    [k('role'), answers.role],
    [k('careerStage'), label(`careerStage.${answers.careerStage}`)],
    [k('years'), String(answers.yearsInProfession)],
    [k('interests'), list(answers.interests.map((id) => label(`interest.${id}`)))],
    [k('otherInterests'), answers.otherInterests || k('none')],
    [
      k('partner'),
      answers.partnerPreference.openToAnyone
        ? k('openToAnyone')
        : list([
            ...answers.partnerPreference.sectors.map((id) => label(`sector.${id}`)),
            ...answers.partnerPreference.careerStages.map((id) => label(`careerStage.${id}`)),
          ]),
    ],
    [
      k('availability'),
      answers.availability.emailOnly
        ? k('emailOnly')
        : answers.availability.windows
            .map((window) => `${label(`dayOfWeek.${window.day}`)} ${window.startTime}–${window.endTime}`)
            .join('; '),
    ],
    [k('hopes'), answers.hopes],
    [
      k('heardFrom'),
      label(`referralSource.${answers.heardFrom}`) +
        (answers.heardFromDetail ? ` (${answers.heardFromDetail})` : ''),
    ],
  ];
  return (
    <dl class="answers">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
};
