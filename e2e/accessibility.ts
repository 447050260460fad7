import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * No serious or critical axe violation (WCAG 2.1 A and AA rules) on the page as it is now. Called by
 * every journey on each screen it reaches, so a regression shows up in the journey that causes it.
 */
export async function expectNoSeriousAxeViolations(page: Page, screen: string): Promise<void> {
  // A scan takes a few seconds on a busy machine: it gets its own time, not the journey's.
  test.info().setTimeout(test.info().timeout + 20_000);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  expect(serious, `axe on ${screen}`).toEqual([]);
}
