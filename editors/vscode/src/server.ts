// Finding the `byline` executable: the `byline.serverPath` setting, then
// `byline` on PATH, then the binary bundled in the extension (server/byline,
// present when the .vsix was built with one). Nothing is downloaded.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { expandPath } from './settings';

/** One place that was looked at, for the log and the error message. */
export interface Attempt {
  source: 'setting' | 'PATH' | 'bundled';
  path: string;
  problem?: string; // undefined: usable
}

export interface Located {
  command?: string; // the executable to start, when one was found
  attempts: Attempt[];
}

function executableProblem(p: string): string | undefined {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return 'not a file';
    fs.accessSync(p, fs.constants.X_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'does not exist';
    if (code === 'EACCES') return 'is not executable';
    return String((e as Error).message || e);
  }
}

function searchPath(name: string): string | undefined {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT || '.EXE').split(';') : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (executableProblem(candidate) === undefined) return candidate;
    }
  }
  return undefined;
}

/** Locates the server; `extensionPath` is the extension's install folder. */
export function locateServer(extensionPath: string): Located {
  const attempts: Attempt[] = [];
  const setting = (vscode.workspace.getConfiguration('byline').get<string>('serverPath') || '').trim();
  if (setting) {
    const expanded = expandPath(setting);
    // A bare name ("byline-dev") is looked up on PATH like a shell would.
    const isBare = !expanded.includes('/') && !expanded.includes('\\');
    let p = isBare ? searchPath(expanded) ?? expanded : expanded;
    if (!isBare && !path.isAbsolute(p) && vscode.workspace.workspaceFolders?.[0])
      p = path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, p);
    const problem = isBare && p === expanded ? 'not found on PATH' : executableProblem(p);
    attempts.push({ source: 'setting', path: p, problem });
    // An explicit setting is never silently replaced by another binary.
    return { command: problem ? undefined : p, attempts };
  }
  const onPath = searchPath('byline');
  attempts.push({ source: 'PATH', path: onPath ?? 'byline', problem: onPath ? undefined : 'not found on PATH' });
  if (onPath) return { command: onPath, attempts };
  const bundled = path.join(extensionPath, 'server', process.platform === 'win32' ? 'byline.exe' : 'byline');
  const problem = executableProblem(bundled);
  attempts.push({ source: 'bundled', path: bundled, problem: problem === 'does not exist' ? 'not bundled in this build' : problem });
  return { command: problem ? undefined : bundled, attempts };
}

export function describeAttempts(attempts: Attempt[]): string {
  return attempts.map((a) => {
    const where = a.source === 'setting' ? 'byline.serverPath' : a.source;
    return `${where}: ${a.path}${a.problem ? ` (${a.problem})` : ''}`;
  }).join('; ');
}
