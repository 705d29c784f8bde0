// The `byline.*` settings the server understands, in the shape of
// `.byline.json` (docs/configuration.md). Only the settings the user has
// actually set are sent, so that `.byline.json` keeps its say over the rest.
import * as path from 'path';
import * as vscode from 'vscode';

/** Settings keys passed to the server, relative to `byline.`. */
export const SERVER_KEYS = ['rules', 'names.house', 'acronyms.allowList', 'maxDocumentSize'] as const;

/** Settings that change how the server is started: changing them restarts it. */
export const RESTART_KEYS = ['serverPath', 'languages'] as const;

function isSet<T>(info: ReturnType<vscode.WorkspaceConfiguration['inspect']> | undefined): boolean {
  if (!info) return false;
  const i = info as { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T;
    globalLanguageValue?: T; workspaceLanguageValue?: T; workspaceFolderLanguageValue?: T };
  return [i.globalValue, i.workspaceValue, i.workspaceFolderValue,
    i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue]
    .some((v) => v !== undefined && v !== null);
}

/** Puts value at the dotted path in obj ("names.house" -> {names: {house}}). */
function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let at = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof at[p] !== 'object' || at[p] === null) at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]] = value;
}

/**
 * The settings object for initializationOptions and
 * workspace/didChangeConfiguration, e.g.
 * `{ rules: { "quote.unattributed": "error" }, names: { house: ["..."] } }`.
 */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('byline', scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    if (!isSet(cfg.inspect(key))) continue;
    let value = cfg.get<unknown>(key);
    if (key === 'rules' && (typeof value !== 'object' || value === null)) continue;
    if (typeof value === 'string') value = resolveListFile(value, scope);
    setPath(out, key, value);
  }
  return out;
}

/** Expands a leading `~` and `${workspaceFolder}` in a path setting. */
export function expandPath(p: string, scope?: vscode.ConfigurationScope): string {
  const home = process.env.HOME || process.env.USERPROFILE || '';
  let s = p.trim();
  if (s === '~' || s.startsWith('~/')) s = home + s.slice(1);
  if (s.includes('${workspaceFolder}')) {
    const folder = (scope && 'uri' in scope && scope.uri instanceof vscode.Uri
      ? vscode.workspace.getWorkspaceFolder(scope.uri) : undefined)
      ?? vscode.workspace.workspaceFolders?.[0];
    if (folder) s = s.split('${workspaceFolder}').join(folder.uri.fsPath);
  }
  return s;
}

/** A list-file setting as an absolute path: relative paths are taken from
 *  the workspace folder (the server would otherwise use its own cwd). */
function resolveListFile(p: string, scope?: vscode.ConfigurationScope): string {
  const s = expandPath(p, scope);
  if (s === '' || path.isAbsolute(s)) return s;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, s) : s;
}

/** The language ids Byline checks: plaintext, markdown and `byline.languages`. */
export function languageIds(): string[] {
  const extra = vscode.workspace.getConfiguration('byline').get<string[]>('languages') ?? [];
  const ids = ['plaintext', 'markdown', ...extra.filter((x) => typeof x === 'string' && x.trim() !== '')];
  return [...new Set(ids.map((x) => x.trim()))];
}
