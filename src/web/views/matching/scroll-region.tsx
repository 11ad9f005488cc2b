import type { PropsWithChildren } from 'hono/jsx';

/**
 * A wide table that scrolls sideways on a narrow screen: the scrolling box can take the keyboard
 * focus (so it can be scrolled without a mouse) and is a region named by the table's caption.
 */
export const ScrollRegion = ({ labelledBy, children }: PropsWithChildren<{ labelledBy: string }>) => (
  <section class="table-scroll" tabindex={0} aria-labelledby={labelledBy}>
    {children}
  </section>
);
