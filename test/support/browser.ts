import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp, type TestAppOptions, type TestUser } from './app';

/**
 * The back office in a real browser against the real server, with the built admin (built here when
 * admin/dist is missing). Chromium: CHROMIUM_PATH when set, else a system /usr/bin/chromium, else
 * the one npm brings (@sparticuz/chromium ships it inside the package; CHROMIUM_PATH=npm forces it).
 * Screenshots land in test/artifacts/ (git-ignored), with a `-failure` one when a step fails.
 */

const ROOT = path.resolve(__dirname, '..', '..');
export const ADMIN_DIST = path.join(ROOT, 'admin', 'dist');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const UI_TIMEOUT = 20_000;
/** The first visit parses ~1.5 MB of JavaScript, which takes a while on a busy two-core CI machine. */
export const FIRST_RENDER_TIMEOUT = 40_000;

export interface BrowserHarness {
  app: TestApp;
  browser: Browser;
  /**
   * Runs `fn` in a fresh browser context (no stored session, Indonesian browser in Jakarta), takes a
   * screenshot if it fails, and fails the test if the page threw any uncaught error.
   */
  inBrowser(name: string, fn: (page: Page) => Promise<void>, options?: { viewport?: { width: number; height: number } }): Promise<void>;
  /** Fills the login form at /admin/ and submits it (texts are the Indonesian ones people see). */
  logIn(page: Page, username: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/** Screenshots wait for MUI's transitions (dialogs fading in, tab indicators sliding) to end. */
export async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `admin-${name}.png`), fullPage: true });
}

/** The page must not scroll sideways: nothing wider than the viewport. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/**
 * Nothing sticks out to the right: the page does not scroll sideways, and no element reaches past the
 * screen unless it sits in a box of its own that scrolls or clips (a scrollable tab row).
 */
export async function expectFitsScreen(page: Page) {
  await expectNoHorizontalOverflow(page);
  const offenders = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return Array.from(document.body.querySelectorAll('*'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed' && !clipped(el);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  });
  expect(offenders, 'elements wider than the screen').toEqual([]);
}

/** No message key shows as such (a missing translation shows its key, e.g. "angsur.customer.x"). */
export async function expectTranslated(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(angsur|resources|ra)\.[a-z][\w-]*\.[\w.-]+/);
}

/** Both checks every walked page gets, in each language. */
export async function checkPage(page: Page) {
  await expectFitsScreen(page);
  await expectTranslated(page);
}

/** The language menu in the top bar (portal and console alike). */
export async function switchLanguage(page: Page, language: 'English' | 'Bahasa Indonesia') {
  await page.getByRole('button', { name: language === 'English' ? /Bahasa Indonesia/i : /English/i }).first().click();
  await page.getByRole('menuitem', { name: language }).click();
}

/** Without the background-networking flags Chromium keeps trying hosts this closed network refuses. */
const QUIET_FLAGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Which Chromium to launch, and with which flags; `source` says where it came from. */
export async function resolveChromium(): Promise<{ executablePath: string; args: string[]; source: 'CHROMIUM_PATH' | 'system' | 'npm' }> {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted && wanted !== 'npm') {
    if (!fs.existsSync(wanted)) throw new Error(`Chromium not found at CHROMIUM_PATH=${wanted}`);
    return { executablePath: wanted, args: ['--no-sandbox', ...QUIET_FLAGS], source: 'CHROMIUM_PATH' };
  }
  if (!wanted && fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', ...QUIET_FLAGS], source: 'system' };
  // Unpacks its brotli-packed build into the temp dir once (~200 MB), then reuses it. Its flags are
  // those of a headless shell in a container (no sandbox, no zygote), plus ours; not
  // --single-process, which AWS Lambda needs and which loses the browser when a test's context closes.
  const { default: packaged } = await import('@sparticuz/chromium');
  packaged.setGraphicsMode = false;
  const args = packaged.args.filter((a) => a !== '--single-process');
  return { executablePath: await packaged.executablePath(), args: [...args, ...QUIET_FLAGS], source: 'npm' };
}

/** What `withBrowserAndSupport` hands a test file once its harness is up. */
export interface StaffFixture {
  harness: BrowserHarness;
  app: TestApp;
  /** A SUPPORT user, for the staff's moves through the API while the browser plays the other side. */
  support: TestUser;
}

/**
 * The setup of a file that walks both sides: the harness on the file's clock and a SUPPORT user,
 * started before its tests (`ready` gets them) and closed after them.
 */
export function withBrowserAndSupport(options: TestAppOptions, ready: (fixture: StaffFixture) => void) {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(options);
    ready({ harness, app: harness.app, support: await harness.app.createUser('SUPPORT') });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });
}

/** Starts the real server (serving the built admin) and headless Chromium side by side. */
export async function startBrowserHarness(options: TestAppOptions = {}): Promise<BrowserHarness> {
  if (!fs.existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    execFileSync('npm', ['run', 'build:admin'], { cwd: ROOT, stdio: 'inherit' });
  }
  const chrome = await resolveChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const [app, browser] = await Promise.all([
    startTestApp({ adminDist: ADMIN_DIST, ...options }),
    chromium.launch({ executablePath: chrome.executablePath, headless: true, args: chrome.args }),
  ]);

  const inBrowser: BrowserHarness['inBrowser'] = async (name, fn, opts = {}) => {
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    // Something our Content-Security-Policy blocked is a broken screen too, though the browser only logs it.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
    try {
      await fn(page);
    } catch (error) {
      await screenshot(page, `${name}-failure`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  };

  const logIn: BrowserHarness['logIn'] = async (page, username, password) => {
    await page.goto(`${app.url}/admin/`);
    await page.locator('input[name="username"]').waitFor({ timeout: FIRST_RENDER_TIMEOUT });
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  };

  return {
    app,
    browser,
    inBrowser,
    logIn,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
