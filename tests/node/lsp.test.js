// Drives `byline lsp` over stdio with vscode-languageserver-protocol 3.17.5
// and vscode-jsonrpc 8.2 (the protocol stack inside vscode-languageclient).
// Run: BYLINE_BIN=build/byline node --test tests/node/
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, RequestType,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, HoverRequest, DocumentSymbolRequest, DocumentDiagnosticRequest,
  ShutdownRequest, ExitNotification, MarkupKind, ErrorCodes,
} = require('vscode-languageserver-protocol/node');

const ROOT = path.join(__dirname, '..', '..');
const BIN = process.env.BYLINE_BIN || path.join(ROOT, 'build', 'byline');
const SEED = fs.readFileSync(path.join(ROOT, 'examples', 'iran-talks.txt'), 'utf8');
const DRAFT = fs.readFileSync(path.join(ROOT, 'tests', 'e2e', 'data', 'draft.md'), 'utf8');
const SEED_URI = 'file:///nonexistent/node/iran-talks.txt';
const DRAFT_URI = 'file:///nonexistent/node/draft.md';
const DocumentState = new RequestType('byline/documentState');

// One server process with a connection and a diagnostics log.
function startServer(capabilities) {
  const proc = spawn(BIN, ['--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: '/nonexistent/byline-node-config' },
  });
  const srv = { proc, exitCode: undefined, published: [], waiters: [] };
  proc.on('exit', (code) => { srv.exitCode = code; });
  proc.stderr.on('data', () => {});
  srv.conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  srv.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    srv.published.push(p);
    srv.waiters = srv.waiters.filter((w) => !w(p));
  });
  srv.conn.listen();
  srv.init = srv.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities });
  return srv;
}

// Resolves with the first publishDiagnostics for uri (and version, if given).
function diagnosticsFor(srv, uri, version, ms = 10000) {
  const ok = (p) => p.uri === uri && (version === undefined || p.version === version);
  const seen = srv.published.find(ok);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), ms);
    srv.waiters.push((p) => { if (!ok(p)) return false; clearTimeout(t); resolve(p); return true; });
  });
}

const before_ = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner, outer) => before_(outer.start, inner.start) && before_(inner.end, outer.end);

function checkSymbols(symbols, parent) {
  for (const s of symbols) {
    assert.ok(before_(s.range.start, s.range.end), `${s.name}: range backwards`);
    assert.ok(inside(s.selectionRange, s.range), `${s.name}: selectionRange outside range`);
    if (parent) assert.ok(inside(s.range, parent.range), `${s.name}: outside ${parent.name}`);
    checkSymbols(s.children || [], s);
  }
}

let srv;
before(async () => {
  srv = startServer({
    textDocument: {
      hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
    },
  });
  await srv.init;
  await srv.conn.sendNotification(InitializedNotification.type, {});
});

after(() => {
  if (srv && srv.exitCode === undefined) srv.proc.kill('SIGKILL');
});

test('initialize advertises exactly the implemented capabilities', async () => {
  const r = await srv.init;
  assert.equal(r.serverInfo.name, 'byline');
  assert.match(r.serverInfo.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(r.capabilities, {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
    hoverProvider: true,
    documentSymbolProvider: true,
    diagnosticProvider: { identifier: 'byline', interFileDependencies: false, workspaceDiagnostics: false },
  });
});

test('the seed article gets versioned diagnostics with rule ids and links', async () => {
  const p = diagnosticsFor(srv, SEED_URI, 1);
  await srv.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: SEED_URI, languageId: 'plaintext', version: 1, text: SEED },
  });
  const { diagnostics } = await p;
  for (const d of diagnostics) {
    assert.equal(d.source, 'byline');
    assert.match(d.code, /^[a-z]+\.[a-z-]+$/);
    assert.ok(d.codeDescription.href.endsWith(`/docs/rules/${d.code}.md`), d.codeDescription.href);
    assert.ok(d.severity >= 1 && d.severity <= 4);
    assert.ok(before_(d.range.start, d.range.end));
    for (const r of d.relatedInformation || []) assert.equal(r.location.uri, SEED_URI);
  }
});

test('outline: People with their quotes, Organizations, Quotes; valid nesting', async () => {
  const symbols = await srv.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } });
  assert.ok(Array.isArray(symbols));
  checkSymbols(symbols);
  const names = symbols.map((s) => s.name);
  for (const n of names) assert.ok(['People', 'Organizations', 'Quotes'].includes(n), n);
  assert.deepEqual(names, ['People', 'Organizations', 'Quotes'].filter((n) => names.includes(n)));
});

test('hover on each person and quote of the outline', async () => {
  const symbols = await srv.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } });
  for (const group of symbols) {
    for (const s of group.children || []) {
      const h = await srv.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri: SEED_URI }, position: s.selectionRange.start,
      });
      if (group.name === 'Quotes') {
        assert.ok(h, `no hover on quote ${s.name}`);
        assert.match(h.contents.value, /Quote|no speaker|not speech/);
      } else if (h) {
        assert.equal(h.contents.kind, 'markdown');
        assert.match(h.contents.value, /mention/);
      }
    }
  }
  // Outside any mention or quote: null.
  const none = await srv.conn.sendRequest(HoverRequest.type, {
    textDocument: { uri: SEED_URI }, position: { line: 10000, character: 0 },
  });
  assert.equal(none, null);
});

test('incremental typing keeps the text exact and publishes the last version', async () => {
  const uri = 'file:///nonexistent/node/typing.txt';
  let text = 'Zoë said “hi” 😀 in 北京.\r\nSecond line';
  await srv.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: '', version: 1, text },
  });
  // Positions in UTF-16: JavaScript strings are UTF-16, so offsets are exact.
  const offsetOf = (t, pos) => {
    let line = 0, i = 0;
    while (line < pos.line) { i = t.indexOf('\n', i) + 1; line++; }
    return i + pos.character;
  };
  const edits = [];
  const typed = 'A quote: “Ça va?” — 你好 🎉\nnew line';
  let pos = { line: 0, character: 16 };  // just after the emoji
  for (const ch of typed) {
    const off = offsetOf(text, pos);
    text = text.slice(0, off) + ch + text.slice(off);
    edits.push({ range: { start: pos, end: pos }, text: ch });
    pos = ch === '\n' ? { line: pos.line + 1, character: 0 } : { line: pos.line, character: pos.character + ch.length };
  }
  let version = 1;
  for (const e of edits) {
    version++;
    await srv.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [e],
    });
  }
  const last = await diagnosticsFor(srv, uri, version);
  assert.equal(last.version, version);
  const state = await srv.conn.sendRequest(DocumentState, { textDocument: { uri } });
  assert.equal(state.text, text);
  assert.equal(state.version, version);
  // Never a version older than one already published.
  const versions = srv.published.filter((p) => p.uri === uri).map((p) => p.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  await srv.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
});

test('a Markdown draft: diagnostics, outline and hovers', async () => {
  const p = diagnosticsFor(srv, DRAFT_URI, 3);
  await srv.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: DRAFT_URI, languageId: 'markdown', version: 3, text: DRAFT },
  });
  await p;
  const state = await srv.conn.sendRequest(DocumentState, { textDocument: { uri: DRAFT_URI } });
  assert.equal(state.format, 'markdown');
  const symbols = await srv.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: DRAFT_URI } });
  checkSymbols(symbols);
});

test('pull diagnostics: full, then unchanged', async () => {
  const full = await srv.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: SEED_URI } });
  assert.equal(full.kind, 'full');
  assert.ok(Array.isArray(full.items));
  const again = await srv.conn.sendRequest(DocumentDiagnosticRequest.type, {
    textDocument: { uri: SEED_URI }, previousResultId: full.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: full.resultId });
});

test('unknown requests fail with MethodNotFound, invalid params with InvalidParams', async () => {
  await assert.rejects(srv.conn.sendRequest(new RequestType('byline/noSuchThing'), {}),
    (e) => e.code === ErrorCodes.MethodNotFound);
  await assert.rejects(srv.conn.sendRequest(HoverRequest.type, { textDocument: {}, position: null }),
    (e) => e.code === ErrorCodes.InvalidParams);
});

test('close clears diagnostics', async () => {
  await srv.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: DRAFT_URI } });
  for (let i = 0; i < 200; i++) {
    const last = srv.published.filter((p) => p.uri === DRAFT_URI).pop();
    if (last && last.diagnostics.length === 0 && last.version === undefined) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('no empty publishDiagnostics after close');
});

test('a client without hierarchical symbols or Markdown gets SymbolInformation[] and plain text', async () => {
  const flat = startServer({});
  await flat.init;
  await flat.conn.sendNotification(InitializedNotification.type, {});
  const p = diagnosticsFor(flat, SEED_URI, 1);
  await flat.conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: SEED_URI, languageId: 'plaintext', version: 1, text: SEED },
  });
  await p;
  const symbols = await flat.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SEED_URI } });
  for (const s of symbols) {
    assert.equal(s.location.uri, SEED_URI);
    assert.ok(['People', 'Organizations', 'Quotes'].includes(s.containerName) || s.containerName, s.name);
    assert.equal(s.children, undefined);
    const h = await flat.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SEED_URI }, position: s.location.range.start });
    if (h) assert.equal(h.contents.kind, 'plaintext');
  }
  await flat.conn.sendRequest(ShutdownRequest.type);
  await flat.conn.sendNotification(ExitNotification.type);
  for (let i = 0; i < 200 && flat.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(flat.exitCode, 0);
  flat.conn.dispose();
});

test('shutdown then exit: the process exits 0', async () => {
  assert.equal(await srv.conn.sendRequest(ShutdownRequest.type), null);
  await srv.conn.sendNotification(ExitNotification.type);
  for (let i = 0; i < 200 && srv.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(srv.exitCode, 0);
  srv.conn.dispose();
});
