/** The generated outlet catalogue in the built extension: the worker reads it from the extension's own file. */
import { expect, openPopupFor, test } from './fixtures';

test('an outlet only the catalogue knows: lean, owner, ownership kind', async ({ context, site, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/fixtures/catalogue-article.html`);
  await expect(page.getByTestId('parallax-badge')).toContainText('Science Daily · Center');
  const popup = await openPopupFor(context, extensionId, worker, page);
  const card = popup.getByTestId('outlet-card');
  await expect(card).toContainText('Science Daily');
  await expect(card).toContainText('AllSides');
  await expect(card).toContainText('Dan Hogan and Michele Hogan · Private Media · US');
});

test('the options page credits the catalogue sources and lists the catalogue outlets', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('catalogue-attribution')).toContainText('Kagi News');
  await expect(options.getByTestId('catalogue-attribution').getByRole('link', { name: 'kagisearch/kite-public' })).toHaveAttribute(
    'href',
    'https://github.com/kagisearch/kite-public',
  );
  // Thousands of outlets: fifty at a time, more on request, any of them by search.
  await expect(options.getByTestId('outlet-row')).toHaveCount(50);
  await options.getByTestId('outlets-show-more').click();
  await expect(options.getByTestId('outlet-row')).toHaveCount(100);
  await options.getByTestId('outlet-search').fill('Science Daily');
  await expect(options.getByTestId('outlet-row').first()).toContainText('Science Daily');
  await expect(options.getByTestId('outlets-show-more')).toHaveCount(0);
});
