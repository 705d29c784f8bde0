// Byline for VS Code: starts `byline lsp` for plaintext and Markdown
// documents (and the language ids in `byline.languages`) through
// vscode-languageclient, passes the `byline.*` settings as
// initializationOptions and again on every change, and keeps the server's
// log in the "Byline" output channel.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { describeAttempts, locateServer } from './server';
import { languageIds, RESTART_KEYS, serverSettings } from './settings';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionPath = '';
let busy: Promise<void> = Promise.resolve(); // serialises start/stop
let gaveUp = false; // the last start failed: wait for a restart or a settings change

function log(msg: string): void {
  output.appendLine(`[${new Date().toISOString()}] ${msg}`);
}

function serialised(job: () => Promise<void>): Promise<void> {
  busy = busy.then(job, job);
  return busy;
}

function wanted(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && languageIds().includes(doc.languageId);
}

// Never awaited by start(): the promise settles only when the user closes
// the notification, and start/stop are serialised.
async function showStartError(message: string): Promise<void> {
  log(message);
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log');
  if (choice === 'Open Settings')
    await vscode.commands.executeCommand('workbench.action.openSettings', 'byline.serverPath');
  else if (choice === 'Show Log') output.show(true);
}

function clientOptions(): LanguageClientOptions {
  const selector = languageIds().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  return {
    documentSelector: selector,
    initializationOptions: () => serverSettings(),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      void showStartError(`Byline: the language server failed to initialize: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
    middleware: {
      workspace: {
        // A server that pulls settings gets the same object as initializationOptions,
        // not the editor-only ones (serverPath, languages, trace).
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) => {
            if (item.section !== 'byline') return answer[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(scope);
          });
        },
      },
    },
  };
}

async function start(): Promise<void> {
  if (client) return;
  const found = locateServer(extensionPath);
  log(`looking for the server: ${describeAttempts(found.attempts)}`);
  if (!found.command) {
    gaveUp = true;
    void showStartError(`Byline: cannot find the language server. Tried ${describeAttempts(found.attempts)}.`
      + ' Set "byline.serverPath" to the byline executable.');
    return;
  }
  const serverOptions: ServerOptions = { command: found.command, args: ['lsp'] };
  const c = new LanguageClient('byline', 'Byline', serverOptions, clientOptions());
  c.onDidChangeState((e) => {
    if (e.newState === State.Stopped && client === c) log('the server stopped');
  });
  client = c;
  try {
    log(`starting ${found.command} lsp`);
    await c.start();
    gaveUp = false;
    const info = c.initializeResult?.serverInfo;
    log(`server running: ${info ? `${info.name} ${info.version ?? ''}`.trim() : found.command}`);
  } catch (e) {
    client = undefined;
    gaveUp = true;
    await c.dispose().catch(() => undefined);
    void showStartError(`Byline: cannot start the language server "${found.command} lsp": `
      + `${e instanceof Error ? e.message : String(e)}`);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  log('stopping the server');
  try {
    await c.stop(5000);
  } catch (e) {
    log(`stop: ${e instanceof Error ? e.message : String(e)}`);
  }
  await c.dispose().catch(() => undefined);
}

function startIfWanted(): Promise<void> {
  if (client || gaveUp || !vscode.workspace.textDocuments.some(wanted)) return busy;
  return serialised(start);
}

export function restart(): Promise<void> {
  gaveUp = false;
  return serialised(async () => {
    await stop();
    await start();
  });
}

function onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
  if (!e.affectsConfiguration('byline')) return;
  if (RESTART_KEYS.some((k) => e.affectsConfiguration(`byline.${k}`))) {
    log('server settings changed: restarting');
    if (client) void restart();
    else { gaveUp = false; void startIfWanted(); }
    return;
  }
  const c = client;
  if (c && c.state === State.Running) void sendSettings(c);
}

// The server analyses every open document again and, to clients that pull
// diagnostics, sends workspace/diagnostic/refresh.
async function sendSettings(c: LanguageClient): Promise<void> {
  const settings = serverSettings();
  log(`sending settings ${JSON.stringify(settings)}`);
  await c.sendNotification(DidChangeConfigurationNotification.type, { settings: { byline: settings } });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('Byline');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('byline.restartServer', restart),
    vscode.commands.registerCommand('byline.showLog', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    vscode.workspace.onDidOpenTextDocument(() => void startIfWanted()),
  );
  await startIfWanted();
}

export function deactivate(): Promise<void> {
  return serialised(stop);
}
