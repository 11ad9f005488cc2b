import { CsrfField } from '../components';
import { useShell } from '../shell-context';

/**
 * "Your data": the download and the way to erasure, for a signed-in person (their area) and for
 * the holder of a private link (their application's page). `downloadHref` and `eraseHref` differ.
 */
export const MyDataView = ({ downloadHref, eraseHref }: { downloadHref: string; eraseHref: string }) => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('privacy:myData.title')}</h1>
      <p class="lead">{t('privacy:myData.lead')}</p>
      <h2>{t('privacy:myData.downloadHeading')}</h2>
      <p>{t('privacy:myData.downloadBody')}</p>
      <p>
        <a class="button" href={downloadHref} download>
          {t('privacy:myData.downloadButton')}
        </a>
      </p>
      <h2>{t('privacy:myData.eraseHeading')}</h2>
      <p>{t('privacy:myData.eraseBody')}</p>
      <p>
        <a class="button button--secondary" href={eraseHref}>
          {t('privacy:myData.eraseButton')}
        </a>
      </p>
    </article>
  );
};

/** The confirmation: one button, posting to `action` (with the private link's token when there is one). */
export const EraseConfirmView = ({
  action,
  cancelHref,
  csrfToken,
  token,
}: {
  action: string;
  cancelHref: string;
  csrfToken: string;
  token?: string;
}) => {
  const { t } = useShell();
  return (
    <article>
      <h1>{t('privacy:erase.title')}</h1>
      <p>{t('privacy:erase.body')}</p>
      <p>{t('privacy:erase.roundUnderWay')}</p>
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        {token !== undefined && <input type="hidden" name="token" value={token} />}
        <p class="actions">
          <button type="submit" class="button">
            {t('privacy:erase.button')}
          </button>{' '}
          <a href={cancelHref}>{t('privacy:erase.cancel')}</a>
        </p>
      </form>
    </article>
  );
};

export const DataErasedView = () => {
  const { t } = useShell();
  return (
    <article class="prose">
      <h1>{t('privacy:erased.title')}</h1>
      <p class="lead">{t('privacy:erased.body')}</p>
      <p>{t('privacy:erased.again')}</p>
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </article>
  );
};
