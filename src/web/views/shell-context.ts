import { createContext, useContext } from 'hono/jsx';
import type { TFunction } from 'i18next';
import { DEFAULT_LOCALE, getT } from '../../i18n';

/**
 * The request's language, available to every component rendered inside <Layout> (or
 * renderFragment) without passing `t` through each level.
 */
export interface ShellValues {
  t: TFunction;
  locale: string;
  /** The zone the signed-in person chose to see times in, if any (views/format.ts useTimes). */
  timeZone?: string | null;
}

export const ShellContext = createContext<ShellValues | null>(null);

/** `t` and `locale` of the page being rendered; English when rendered outside a page. */
export const useShell = (): ShellValues =>
  useContext(ShellContext) ?? { t: getT(DEFAULT_LOCALE), locale: DEFAULT_LOCALE };
