import { BackLink } from '../components';
import { useShell } from '../shell-context';
import type { PartnershipCardModel } from './board-model';
import { matchingPath } from './matching-paths';
import { type CardContext, PartnershipCard } from './partnership-card';

/** One proposed partnership on a page of its own: where the attention list leads, and comments go wrong. */
export const PartnershipPageView = ({
  card,
  context,
  runNumber,
}: {
  card: PartnershipCardModel;
  context: CardContext;
  runNumber: number;
}) => {
  const { t } = useShell();
  return (
    <section>
      <BackLink
        href={`${matchingPath(context.roundId)}?run=${encodeURIComponent(context.runId)}`}
        label={t('matching:partnership.backToBoard', { number: runNumber })}
      />
      <PartnershipCard card={card} context={context} level={1} />
    </section>
  );
};
