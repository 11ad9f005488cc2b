import { PRIVACY_NOTICE_VERSION } from '../../../core/privacy/privacy-notice';
import { translateList } from '../components';
import { useShell } from '../shell-context';

/** The public pages that are only text: how matching works, questions, code of conduct, privacy. */
interface Section {
  heading: string;
  paragraphs: string[];
}

const Sections = ({ sections }: { sections: Section[] }) => (
  <>
    {sections.map((section) => (
      <section>
        <h2>{section.heading}</h2>
        {section.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </section>
    ))}
  </>
);

export const HowItWorksPage = () => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('public:howItWorks.title')}</h1>
      <p class="lead">{t('public:howItWorks.lead')}</p>
      <Sections sections={translateList<Section>(t, 'public:howItWorks.sections')} />
      <p>
        <a href="/faq">{t('public:home.questions')}</a>
      </p>
    </article>
  );
};

export const FaqPage = () => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('public:faq.title')}</h1>
      {translateList<{ q: string; a: string }>(t, 'public:faq.items').map((item) => (
        <section>
          <h2>{item.q}</h2>
          <p>{item.a}</p>
        </section>
      ))}
    </article>
  );
};

export const CodeOfConductPage = () => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('public:conduct.title')}</h1>
      <p class="lead">{t('public:conduct.lead')}</p>
      <ol class="commitments">
        {translateList<{ title: string; body: string }>(t, 'public:conduct.items').map((item) => (
          <li>
            <h2>{item.title}</h2>
            <p>{item.body}</p>
          </li>
        ))}
      </ol>
      <h2>{t('public:conduct.reportHeading')}</h2>
      <p>{t('public:conduct.report')}</p>
    </article>
  );
};

export const PrivacyPage = () => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('public:privacy.title')}</h1>
      <p class="lead">{t('public:privacy.lead')}</p>
      <Sections sections={translateList<Section>(t, 'public:privacy.sections')} />
      <p class="field__hint">{t('privacy:notice.version', { version: PRIVACY_NOTICE_VERSION })}</p>
    </article>
  );
};
