import { api } from './api';
import { expect, test } from './fixtures';

// A note's web link leaves the app only after its address is shown and confirmed
// (Electron's checklist, item 15): the link text may say anything.
test('a note’s web link asks before it opens, showing where it really goes', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await api(app.page, 'saveNote', {
    id: 'etcd',
    body: 'Docs: [etcd.io](https://exаmple.org/docs?q=1) and [plain](https://example.org/).',
  });
  await app.page.reload();
  await app.waitReady();
  await app.searchBox.fill('etcd');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('etcd');
  const link = app.notePreview.getByRole('link', { name: 'etcd.io' });
  let popups = 0;
  app.page.on('popup', () => popups++);

  // The link text names one site; the dialog names the one it goes to, in punycode.
  await link.click();
  const dialog = app.dialog('Open link');
  await expect(dialog).toContainText('It leads to xn--exmple-4nf.org, outside Cairn.');
  await expect(dialog).toContainText('https://xn--exmple-4nf.org/docs?q=1');
  await app.screenshot('12-confirm-external-link');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  // A middle click asks too, and Esc cancels.
  await link.click({ button: 'middle' });
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(popups).toBe(0);
  expect(new URL(app.page.url()).pathname).toBe('/');

  // Confirmed, it opens in a new tab (in the desktop app, main hands it to the system browser).
  // There is no network here: the site's answer is made up.
  await app.page
    .context()
    .route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/plain', body: 'example' }),
    );
  await app.notePreview.getByRole('link', { name: 'plain' }).click();
  const popup = app.page.waitForEvent('popup');
  await app.dialog('Open link').getByRole('button', { name: 'Open in browser' }).click();
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url()).toBe('https://example.org/');
  await opened.close();
});
