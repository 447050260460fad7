import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3111';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const [,, ...sizes] = process.argv;
for (const size of sizes.length ? sizes : ['1280x800']) {
  const [width, height] = size.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + '/sign-in');
  await page.getByLabel('Username').fill('auditor');
  await page.getByLabel('Password').fill('infusion-demo');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.goto(base + '/reports/outcomes');
  await page.getByRole('button', { name: /analysis data set/ }).waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shot-outcomes-${size}.png` });
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: /analysis data set/ }).click();
  await dl;
  await page.waitForTimeout(300);
  await page.locator('app-csv-download').screenshot({ path: `/tmp/shot-download-${size}.png` });
  await page.goto(base + '/reports/service');
  await page.getByRole('button', { name: 'Show report' }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-service-${size}.png` });
  await page.close();
}
await browser.close();
