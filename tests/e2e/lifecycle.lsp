# Lifecycle: requests before initialize, initialize with serverInfo and the
# exact capabilities, initialized, shutdown, requests after shutdown, exit 0.
{"id": 1, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 1, "error": {"code": -32002, "message": "<string>"}}
---
# Notifications before initialize are dropped (no diagnostics for this).
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/early.txt", "languageId": "plaintext", "version": 1, "text": "x"}}}
---
{"id": 2, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}
---
<-- {"jsonrpc": "2.0", "id": 2, "result": {
  "capabilities": {
    "positionEncoding": "utf-16",
    "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
    "hoverProvider": true,
    "documentSymbolProvider": true,
    "diagnosticProvider": {"identifier": "byline", "interFileDependencies": false, "workspaceDiagnostics": false}
  },
  "serverInfo": {"name": "byline", "version": "<string>"}}}
---
{"id": 3, "method": "initialize", "params": {"capabilities": {}}}
---
<-- {"jsonrpc": "2.0", "id": 3, "error": {"code": -32600, "message": "<string>"}}
---
{"method": "initialized", "params": {}}
---
{"id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/early.txt"}, "position": {"line": 0, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 4, "result": null}
---
{"id": "string-id", "method": "shutdown"}
---
<-- {"jsonrpc": "2.0", "id": "string-id", "result": null}
---
{"id": 6, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///x.txt"}}}
---
<-- {"jsonrpc": "2.0", "id": 6, "error": {"code": -32600, "message": "<string>"}}
---
{"method": "exit"}
---
exit-code: 0
