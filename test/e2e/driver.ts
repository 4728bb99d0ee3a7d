// Drives the real VS Code workbench (code-server, started by test/vscode/run.mjs) in headless Chromium.
// One Workbench = one fresh browser profile = one window with its own extension host and its own SecretStorage.
//
//   const wb = await openWorkbench();
//   await wb.openViewContainer('DataWorks');
//   await wb.runCommand('DataWorks: Add Profile');
//   await wb.treeItem('my-workspace').click();
//   await wb.webview().locator('#submit').click();
//   await wb.waitForNotification(/saved/);
//   await wb.close();
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { callEmulatorAdmin } from '../support/emulatorAdmin';
import { waitFor } from '../support/waitFor';
import { CHROMIUM_ARGS } from '../vscode/chromium.mjs';

/** The poller every suite shares (test/support/waitFor.ts). */
export { waitFor };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through "node test/vscode/run.mjs e2e"`);
  return value;
}

/** What run.mjs passes to the e2e mocha process. */
export const e2eEnv = {
  get url(): string {
    return env('DATAWORKS_E2E_URL');
  },
  get server(): string {
    return env('DATAWORKS_E2E_SERVER');
  },
  get workspace(): string {
    return env('DATAWORKS_E2E_WORKSPACE');
  },
  get runDir(): string {
    return env('DATAWORKS_E2E_RUN_DIR');
  },
  get resultsDir(): string {
    return process.env.DATAWORKS_E2E_RESULTS ?? 'test-results';
  },
  /** The DataWorks emulator (admin endpoint: GET /__admin/counts, POST/DELETE /__admin/faults). */
  get emulatorUrl(): string | undefined {
    return process.env.DATAWORKS_TEST_EMULATOR_URL;
  },
};

export interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

/** The extension's package.json (the e2e tests run from the repo root). */
export const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

let nls: Record<string, string | { message: string }> | undefined;
/** Resolves a "%key%" manifest string through package.nls.json (English), as the workbench shows it. */
export function localise(text: string): string {
  const m = /^%(.+)%$/.exec(text);
  if (!m?.[1]) return text;
  try {
    nls ??= JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string | { message: string }>;
  } catch {
    return text;
  }
  const v = nls[m[1]];
  return typeof v === 'string' ? v : (v?.message ?? text);
}

/** "Category: Title" of a contributed command, as the command palette lists it. */
export function commandTitle(command: string): string {
  const c = manifest.contributes?.commands?.find((x) => x.command === command);
  if (!c) throw new Error(`package.json contributes no command ${command}`);
  const title = localise(c.title);
  return c.category ? `${localise(c.category)}: ${title}` : title;
}

/** The quick input widget, unless it is playing its close animation (`hide()` adds the class and makes it inert). */
const OPEN_QUICK_INPUT = '.quick-input-widget:not(.quick-input-widget-closing)';

/** Console errors the workbench logs on an offline machine, whatever the extension does. */
const OFFLINE_NOISE = /open-vsx\.org|ENOTFOUND|authentication provider 'github'|vsda|Failed to load resource/;

/** Every open workbench, so that the failure hook can take screenshots and close leftovers. */
export const openWorkbenches = new Set<Workbench>();

export interface OpenOptions {
  /** Extra query parameters for the workbench URL. */
  query?: Record<string, string>;
  viewport?: { width: number; height: number };
  /**
   * The browser's language (e.g. `zh-CN`). code-server takes the display language from the Accept-Language
   * header when neither --locale nor argv.json names one, and the extension host's vscode.env.language follows it.
   */
  locale?: string;
}

/** Launches Chromium with a fresh profile, opens the workbench and waits until it is rendered. */
export async function openWorkbench(options: OpenOptions = {}): Promise<Workbench> {
  const profiles = join(e2eEnv.runDir, 'profiles');
  mkdirSync(profiles, { recursive: true });
  const home = process.env.DATAWORKS_E2E_BROWSER_HOME ?? join(e2eEnv.runDir, 'home');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(profiles, 'e2e-')), {
    executablePath: process.env.DATAWORKS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
    },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const wb = new Workbench(context, page);
  openWorkbenches.add(wb);
  const url = new URL(e2eEnv.url);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  await page.goto(url.toString());
  await wb.ready();
  return wb;
}

export class Workbench {
  /** Page errors and console errors seen so far (useful in assertions and failure reports). */
  readonly errors: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (err) => this.errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !OFFLINE_NOISE.test(msg.text())) this.errors.push(msg.text().split('\n')[0] ?? '');
    });
  }

  /** Waits for the workbench parts to be rendered. */
  async ready(timeout = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout });
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
  }

  // --- command palette & quick input ---------------------------------------------------------------------------

  /**
   * The open quick input. One that is closing is left out: it keeps its title and rows on screen, inert, for its
   * close animation, while the extension may already be showing the next one.
   */
  get quickInput(): Locator {
    return this.page.locator(OPEN_QUICK_INPUT);
  }

  /** Opens the command palette and runs the command whose title (e.g. "DataWorks: Refresh") matches. */
  async runCommand(title: string): Promise<void> {
    await this.openCommandPalette();
    const input = this.quickInput.locator('input');
    await input.fill(`>${title}`);
    const row = this.quickInputRow(title);
    await row.first().waitFor({ state: 'visible', timeout: 10_000 });
    await row.first().click();
    await this.quickInput.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {
      /* the command may open its own quick pick */
    });
  }

  async openCommandPalette(): Promise<Locator> {
    await this.page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, trial: true }).catch(() => {});
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible', timeout: 10_000 });
    return this.quickInput.locator('input');
  }

  /**
   * Titles of the rows listed in the open quick input (command palette or a quick pick), once it lists any. Read in
   * one step in the page: `allInnerTexts()` finds the rows and reads them in two round trips, and the list reuses
   * row elements for the next quick input's items in between, so that it could return rows of both.
   */
  async quickInputRows(timeout = 10_000): Promise<string[]> {
    const rows = await this.page.waitForFunction((selector) => {
      const open = [...document.querySelectorAll<HTMLElement>(selector)].find((w) => w.checkVisibility());
      const listed = [...(open?.querySelectorAll<HTMLElement>('.quick-input-list .monaco-list-row') ?? [])].filter((r) => r.checkVisibility());
      return listed.length > 0 && listed.map((r) => r.innerText.replace(/\s+/g, ' ').trim());
    }, OPEN_QUICK_INPUT, { timeout });
    return (await rows.jsonValue()) || [];
  }

  /** The title of the open quick input ('' when it has none). */
  async quickInputTitle(): Promise<string> {
    return (await this.quickInput.locator('.quick-input-title').innerText({ timeout: 10_000 })).trim();
  }

  quickInputRow(text: string | RegExp): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: text });
  }

  /** Picks an item in an open quick pick. */
  async pick(text: string | RegExp): Promise<void> {
    const row = this.quickInputRow(text).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
  }

  /** Types into an open input box (showInputBox / quick pick filter) and presses Enter. */
  async typeInInput(value: string, { submit = true } = {}): Promise<void> {
    const input = this.quickInput.locator('input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(value);
    if (submit) await input.press('Enter');
  }

  /** The validation message of an open input box, if any. */
  async inputMessage(): Promise<string> {
    return (await this.quickInput.locator('.quick-input-message').innerText().catch(() => '')).trim();
  }

  // --- activity bar, views, trees -----------------------------------------------------------------------------

  /** The activity-bar entry (a tab) of a view container, by its title. */
  activityBarItem(title: string): Locator {
    return this.page
      .locator('.part.activitybar')
      .getByRole('tab', { name: new RegExp(`^${escapeRegExp(title)}`) })
      .first();
  }

  /** Opens a view container in the side bar (does nothing when it is already open). */
  async openViewContainer(title = 'DataWorks'): Promise<void> {
    const item = this.activityBarItem(title);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
    await this.sideBarTitle(title).waitFor({ state: 'visible', timeout: 10_000 });
  }

  sideBarTitle(title: string): Locator {
    return this.page.locator('.part.sidebar .composite.title', { hasText: new RegExp(escapeRegExp(title), 'i') });
  }

  /** A view pane in the side bar, by its name (e.g. "Explorer" inside the DataWorks container). */
  viewPane(name: string): Locator {
    return this.page.locator('.part.sidebar .pane', {
      has: this.page.locator('.pane-header', { hasText: new RegExp(escapeRegExp(name), 'i') }),
    });
  }

  /** A tree row by its label (substring match on the accessible name, which includes the description). */
  treeItem(label: string | RegExp, within?: Locator): Locator {
    return (within ?? this.page.locator('.part.sidebar')).getByRole('treeitem', { name: label }).first();
  }

  /** Labels of every visible tree row in the side bar (or `within`). */
  async treeItems(within?: Locator): Promise<string[]> {
    const rows = (within ?? this.page.locator('.part.sidebar')).locator('.monaco-list-row[role="treeitem"]');
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Expands a collapsed tree row (a click on the twistie toggles it). */
  async expand(label: string | RegExp, within?: Locator): Promise<void> {
    const row = this.treeItem(label, within);
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await waitFor(`tree item ${String(label)} to expand`, async () => (await row.getAttribute('aria-expanded')) !== 'false');
  }

  /** Waits until no row of the side bar shows a spinning (loading) icon. */
  async waitForTreeIdle(timeout = 20_000): Promise<void> {
    const spinning = this.page.locator('.part.sidebar .codicon-modifier-spin');
    await waitFor('the tree to finish loading', async () => (await spinning.count()) === 0, timeout);
  }

  /** Right-clicks a tree row and clicks an entry of the context menu. */
  async contextMenu(target: Locator, action: string | RegExp): Promise<void> {
    await target.click({ button: 'right' });
    const item = this.page.locator('.monaco-menu .action-item', { hasText: action }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await item.click();
  }

  /** Clicks an inline action (icon button on hover) of a tree row or view title by its title/tooltip. */
  async inlineAction(target: Locator, title: string): Promise<void> {
    await target.hover();
    await target.locator(`.action-label[aria-label^="${title}"]`).first().click();
  }

  // --- notifications ------------------------------------------------------------------------------------------

  /** Texts of the notification toasts currently shown. */
  async notifications(): Promise<string[]> {
    const msgs = this.page.locator('.notifications-toasts .notification-list-item-message');
    return (await msgs.allInnerTexts()).map((t) => t.trim());
  }

  /** Waits for a toast whose message matches; returns the toast (buttons: `toast.getByRole('button', …)`). */
  async waitForNotification(text: string | RegExp, timeout = 20_000): Promise<Locator> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast;
  }

  /** Every notification, including the ones no longer shown as a toast (opens the notification center). */
  async allNotifications(): Promise<string[]> {
    await this.runCommand('Notifications: Show Notifications');
    const msgs = this.page.locator('.notifications-center .notification-list-item-message');
    await this.page.locator('.notifications-center').waitFor({ state: 'visible', timeout: 10_000 });
    return (await msgs.allInnerTexts()).map((t) => t.trim());
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  // --- editors and webviews -----------------------------------------------------------------------------------

  /** Titles of the open editor tabs. */
  async editorTabs(): Promise<string[]> {
    return (await this.page.locator('.tabs-container .tab .label-name').allInnerTexts()).map((t) => t.trim());
  }

  /**
   * The content of a webview (panel or view): the two nested iframes VS Code uses. With several webviews open,
   * `index` picks one (-1 = the last one opened).
   */
  webview(index = -1): FrameLocator {
    const outer = this.page.locator('iframe.webview.ready');
    const frame = index < 0 ? outer.last() : outer.nth(index);
    return frame.contentFrame().frameLocator('iframe#active-frame');
  }

  /** Waits for a webview whose content contains `selector`. */
  async waitForWebview(selector: string, timeout = 20_000): Promise<FrameLocator> {
    const wv = this.webview();
    await wv.locator(selector).first().waitFor({ state: 'visible', timeout });
    return wv;
  }

  // --- misc ---------------------------------------------------------------------------------------------------

  async statusBarTexts(): Promise<string[]> {
    return (await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts()).map((t) => t.trim());
  }

  /** Saves a full-page screenshot to test-results/<name>.png and returns the path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(e2eEnv.resultsDir, { recursive: true });
    const file = join(e2eEnv.resultsDir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    openWorkbenches.delete(this);
    await this.context.close().catch(() => {});
  }
}

/** Calls the emulator's admin endpoint (fault injection, request counts, state). */
export function emulatorAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  return callEmulatorAdmin(e2eEnv.emulatorUrl, method, path, body);
}
