// VS Code end-to-end test of editors/vscode: the packaged .vsix installed in
// code-server 4.100.3 (VS Code 1.100 in the browser), driven by Playwright in
// Debian's Chromium. The extension must find the server bundled in the .vsix
// (no byline.serverPath, none on PATH).
//
//   node e2e.mjs VSIX           exit 0 pass, 1 fail (failure.png + logs kept)
// Env: BYLINE_TEST_BREAK=1      expect a wrong hover: the test must fail
//      SCREENSHOT=FILE          also save the documentation screenshot there
//      ARTIFACTS=DIR            where to keep logs and failure.png (default: the temp dir)
//      CHROMIUM (/usr/bin/chromium), TEST_TIMEOUT seconds (270), KEEP=1
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const require = createRequire(path.join(here, 'package.json'));
const { chromium } = require('playwright-core');

const t0 = Date.now();
const log = (m) => console.error(`[vscode-test] ${m} (${Date.now() - t0}ms)`);
const VSIX = path.resolve(process.argv[2] || '');
const BREAK = process.env.BYLINE_TEST_BREAK === '1';
const CS_BIN = path.join(here, 'node_modules/.bin/code-server');
if (!fs.existsSync(VSIX)) { console.error(`usage: node e2e.mjs VSIX (${VSIX} does not exist)`); process.exit(2); }

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-vscode-'));
const ud = path.join(root, 'user-data'), ext = path.join(root, 'extensions');
const ws = path.join(root, 'ws'), tmp = path.join(root, 'tmp');
for (const d of [ud, ext, ws, tmp, path.join(ud, 'User')]) fs.mkdirSync(d, { recursive: true });
fs.copyFileSync(path.join(repo, 'examples/iran-talks.txt'), path.join(ws, 'iran-talks.txt'));
fs.copyFileSync(path.join(repo, 'tests/editors/fixtures/council-draft.md'), path.join(ws, 'council-draft.md'));
fs.writeFileSync(path.join(ws, '.byline.json'), '{}\n');
const seedText = fs.readFileSync(path.join(ws, 'iran-talks.txt'), 'utf8');
const draftText = fs.readFileSync(path.join(ws, 'council-draft.md'), 'utf8');

const settingsFile = path.join(ud, 'User', 'settings.json');
const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
  'outline.collapseItems': 'alwaysCollapse',
};
const writeSettings = (extra) =>
  fs.writeFileSync(settingsFile, JSON.stringify({ ...baseSettings, ...extra }, null, 2));
// Sent as initializationOptions: the draft's unattributed quote becomes an
// error; anonymous sources (off by default) show on the seed article.
writeSettings({ 'byline.rules': { 'quote.unattributed': 'error', 'source.anonymous': 'information' } });

// No `byline` on PATH: the extension must use the one bundled in the .vsix.
// A folder of our own at the end of PATH stays empty until the last step.
// (The VS Code server takes the extension host's PATH from a login shell,
// so it is added the way a user would: in the shell's profile; HOME=root.)
const binDir = path.join(root, 'bin');
fs.mkdirSync(binDir);
for (const f of ['.profile', '.bashrc', '.bash_profile'])
  fs.writeFileSync(path.join(root, f), `export PATH="$PATH:${binDir}"\n`);
const PATH = [...(process.env.PATH || '').split(':')
  .filter((d) => d && !fs.existsSync(path.join(d, 'byline'))), binDir].join(':');
const xdg = { XDG_CONFIG_HOME: path.join(root, 'xdg-config'), XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
  XDG_DATA_HOME: path.join(root, 'xdg-data') };
const env = { ...process.env, ...xdg, PATH, TMPDIR: tmp, HOME: root };

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

let cs, browser, page, failed = false;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (cs && cs.exitCode === null) { try { process.kill(-cs.pid, 'SIGTERM'); } catch {} }
}
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, async () => { log(`killed by ${sig}`); await cleanup(); process.exit(1); });
const deadline = setTimeout(async () => {
  log('FAIL: global timeout');
  if (page) await page.screenshot({ path: path.join(root, 'failure.png') }).catch(() => {});
  await cleanup();
  log(`artifacts in ${root}`);
  process.exit(1);
}, Number(process.env.TEST_TIMEOUT || 270) * 1000);

// Changes the user settings the way a user does: in the settings.json editor
// (Preferences: Open User Settings (JSON)), replaced whole and saved. (Writing
// the file behind VS Code's back relies on a file watcher that is unreliable
// on a loaded machine.)
async function editSettings(extra, { workspace = false } = {}) {
  await command(workspace ? 'Preferences: Open Workspace Settings (JSON)' : 'Preferences: Open User Settings (JSON)');
  const editor = page.locator('.monaco-editor[data-uri$="settings.json"] .view-lines').first();
  await editor.waitFor({ timeout: 20000 });
  await editor.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(workspace ? extra : { ...baseSettings, ...extra }));
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
  await page.keyboard.press('Control+W');
}

// 1-based line and UTF-16 column of `needle` in text (VS Code's Go to Line units).
function lineCol(text, needle) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in the file: ${needle}`);
  const before = text.slice(0, i).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

async function command(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

// Opens a file of the workspace from the Explorer (Quick Open would depend
// on ripgrep's file search, slow on a loaded machine).
async function openFile(name, firstLine) {
  const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (!(await item.isVisible())) await command('View: Show Explorer');
  await item.waitFor({ timeout: 20000 });
  await item.dblclick();
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30000 });
  // focus the editor (a click inside its visible part) and go to the top
  await page.locator('.editor-group-container.active .monaco-editor .overflow-guard').first()
    .click({ position: { x: 200, y: 12 } });
  await page.keyboard.press('Control+Home');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: firstLine }).first()
    .waitFor({ timeout: 30000 });
}

async function gotoText(text, needle, offset = 1) {
  const [line, col] = lineCol(text, needle);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${col + offset}`);
  await page.keyboard.press('Enter');
  await sleep(200);
}

async function hoverAt(text, needle, expect) {
  await gotoText(text, needle);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
  try {
    // Click where Go to Line put the cursor (inside the name), which focuses
    // the editor whatever had the focus, then "Show or Focus Hover" (Ctrl+K
    // Ctrl+I); asked again if nothing shows (the first hover can be slow on
    // a loaded machine). The mouse stays still: moving it hides the hover.
    const cursor = page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first();
    const box = await cursor.boundingBox();
    if (box) await page.mouse.click(box.x + 2, box.y + box.height / 2);
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      try {
        await hover.filter({ hasText: expect }).first().waitFor({ timeout: 8000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.keyboard.press('Escape');
      }
    }
  } catch {
    const seen = await hover.allInnerTexts().catch(() => []);
    throw new Error(`hover on ${needle.split(' ')[0]} does not show '${expect}': ${JSON.stringify(seen)}`);
  }
  return (await hover.filter({ hasText: expect }).first().innerText()).replace(/\s+/g, ' ');
}

async function problems() {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
}

async function main() {
  const port = await freePort();
  fs.writeFileSync(path.join(root, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const csArgs = ['--config', path.join(root, 'config.yaml'), '--user-data-dir', ud, '--extensions-dir', ext,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  execFileSync(CS_BIN, [...csArgs, '--install-extension', VSIX], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`installed ${path.basename(VSIX)}`);

  cs = spawn(CS_BIN, [...csArgs, ws], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // run.sh kills this process group should this script die without cleaning up
  if (process.env.CS_PIDFILE) fs.writeFileSync(process.env.CS_PIDFILE, String(cs.pid));
  const csLog = fs.createWriteStream(path.join(root, 'code-server.log'));
  cs.stdout.pipe(csLog); cs.stderr.pipe(csLog);
  for (let i = 0; ; i++) {
    try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.ok) break; } catch {}
    if (i > 300) throw new Error('code-server did not come up in 30 s');
    await sleep(100);
  }
  log(`code-server up on port ${port}`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...xdg },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench .part.sidebar', { timeout: 60000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  log('workbench loaded');

  // --- the seed article ---------------------------------------------------
  await openFile('iran-talks.txt', 'U.S., Iran plan Round 2');
  log('iran-talks.txt open');
  const expect = BREAK ? 'Manouchehr Mottaky (deliberately wrong)' : 'Manouchehr Mottaki';
  log(`hover on Mottaki: "${(await hoverAt(seedText, 'Mottaki said his government', expect)).slice(0, 160)}"`);
  await page.keyboard.press('Escape');
  log(`hover on Clawson: "${(await hoverAt(seedText, 'Clawson said it was beneficial', 'Patrick Clawson')).slice(0, 160)}"`);
  await page.keyboard.press('Escape');

  // The outline in "Go to Symbol in Editor".
  await page.keyboard.press('Control+Shift+O');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  for (const name of ['Manouchehr Mottaki', 'Patrick Clawson', 'Sean McCormack'])
    await rows.filter({ hasText: name }).first().waitFor({ timeout: 15000 });
  const symbols = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  log(`Go to Symbol: ${symbols.length} rows, e.g. ${JSON.stringify(symbols.slice(0, 4))}`);
  await page.keyboard.press('Escape');

  // --- the fixture draft: an unattributed quote, an error by our settings --
  await openFile('council-draft.md', 'Council delays vote');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unattributed' });
  await row.first().waitFor({ timeout: 15000 });
  const rowText = (await row.first().innerText()).replace(/\s+/g, ' ');
  const [qLine] = lineCol(draftText, '“This is the third delay');
  if (!rowText.includes('byline') || !rowText.includes(`[Ln ${qLine},`))
    throw new Error(`Problems row: "${rowText}", expected source byline on line ${qLine}`);
  if (!(await row.first().locator('.codicon-error').count()))
    throw new Error('the quote.unattributed problem is not an error: initializationOptions rules not applied');
  log(`Problems panel: "${rowText}"`);

  // --- settings changed at run time: re-sent with didChangeConfiguration ---
  await editSettings({ 'byline.rules': { 'quote.unattributed': 'warning', 'source.anonymous': 'information' } });
  await command('Byline: Show Server Log');
  const outputView = page.locator('.part.panel .monaco-editor .view-lines');
  await outputView.filter({ hasText: 'sending settings {"rules":{"quote.unattributed":"warning"' }).first()
    .waitFor({ timeout: 15000 });
  log('settings change: the new rules were sent to the server (Byline output channel)');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unattributed' })
    .locator('.codicon-warning').first().waitFor({ timeout: 20000 });
  log('settings change: quote.unattributed is now a warning in the Problems panel');

  // --- the log and the restart command ---------------------------------------
  await command('Byline: Restart Server');
  await command('Byline: Show Server Log');
  await outputView.filter({ hasText: 'stopping the server' }).first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => {
    const t = [...document.querySelectorAll('.part.panel .monaco-editor .view-lines')]
      .map((e) => e.innerText.replace(/\u00a0/g, ' ')).join('\n'); // Monaco renders spaces as nbsp
    const stop = t.lastIndexOf('stopping the server');
    return stop >= 0 && t.indexOf('server running', stop) > stop;
  }, null, { timeout: 30000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unattributed' }).first().waitFor({ timeout: 20000 });
  log('Byline: Restart Server: the server restarted and the diagnostics came back');

  if (process.env.SCREENSHOT) await docScreenshot(process.env.SCREENSHOT);

  // --- a server that cannot be found: a clear error naming the path --------
  // (byline.serverPath is machine-overridable: in code-server, a remote
  // window, the User value is not used; the workspace's is.)
  const missing = path.join(root, 'no-such-dir', 'byline');
  await editSettings({ 'byline.serverPath': missing }, { workspace: true });
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: missing });
  await toast.first().waitFor({ timeout: 20000 });
  log(`error notification: "${(await toast.first().innerText()).replace(/\s+/g, ' ').slice(0, 200)}"`);

  // --- no setting, a `byline` on PATH: that one is used, not the bundled one --
  const bundled = path.join(ext, fs.readdirSync(ext).find((d) => d.startsWith('byline.byline-')), 'server', 'byline');
  fs.symlinkSync(bundled, path.join(binDir, 'byline'));
  await editSettings({}, { workspace: true });
  await command('Byline: Show Server Log');
  await page.locator('.part.panel .monaco-editor .view-lines', { hasText: `starting ${binDir}/byline lsp` })
    .first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'quote.unattributed' }).first().waitFor({ timeout: 20000 });
  log(`server found on PATH (${binDir}/byline) once byline.serverPath was cleared`);
}

// The picture in docs/editors.md: the seed article with a hover, the
// outline and the Problems panel.
async function docScreenshot(file) {
  await openFile('iran-talks.txt', 'U.S., Iran plan Round 2');
  // Outline view in the side bar, the folder list folded away, People open.
  await command('Explorer: Focus on Outline View');
  const folders = page.locator('.sidebar .pane-header').first(); // the workspace's files
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const people = page.locator('.outline-pane .monaco-list-row', { hasText: 'People' }).first();
  await people.waitFor({ timeout: 15000 });
  const mottaki = page.locator('.outline-pane .monaco-list-row', { hasText: 'Manouchehr Mottaki' }).first();
  if (!(await mottaki.isVisible())) await people.locator('.monaco-tl-twistie').click();
  await mottaki.waitFor({ timeout: 10000 });
  await page.keyboard.press('Control+Shift+M');
  await hoverAt(seedText, 'Mottaki said his government', 'Manouchehr Mottaki');
  await sleep(500);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  await page.keyboard.press('Escape');
  log(`screenshot saved to ${file}`);
}

try {
  await main();
  log('PASS');
} catch (e) {
  failed = true;
  log('FAIL: ' + (e && e.message || e));
  const dir = process.env.ARTIFACTS || root;
  fs.mkdirSync(dir, { recursive: true });
  if (page) await page.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
  if (dir !== root && fs.existsSync(path.join(root, 'code-server.log')))
    fs.copyFileSync(path.join(root, 'code-server.log'), path.join(dir, 'code-server.log'));
  log(`screenshot and logs in ${dir}`);
} finally {
  clearTimeout(deadline);
  await cleanup();
  await sleep(300);
  if (!failed && !process.env.KEEP) fs.rmSync(root, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}
