# Settings: initializationOptions (maxDocumentSize, docsBaseUrl, a bad key),
# workspace/didChangeConfiguration, and workspace/configuration pulled from
# a client that supports it.
{"id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"configuration": true}}, "initializationOptions": {"byline": {"maxDocumentSize": 20, "docsBaseUrl": "https://example.org/byline/rules/", "rules": {"quote.unattributed": "loud"}}}}}
---
<~~ {"id": 1, "result": {"serverInfo": {"name": "byline"}}}
---
{"method": "initialized", "params": {}}
---
# The server asks for its section; the client answers.
<-- {"jsonrpc": "2.0", "id": 1, "method": "workspace/configuration", "params": {"items": [{"section": "byline"}]}}
---
{"id": 1, "result": [{"maxDocumentSize": 30}]}
---
# Bigger than 30 bytes: kept, not analysed, and the user is told why.
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt", "languageId": "plaintext", "version": 1, "text": "This draft is longer than thirty bytes."}}}
---
<~~ {"method": "window/showMessage", "params": {"type": 2, "message": "re:Byline: file:///nonexistent/e2e/big.txt is too large to analyse \\(39 bytes; the maximum is 30, setting byline.maxDocumentSize\\)\\."}}
---
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/big.txt", "diagnostics": []}}
---
# A bad setting is reported with its key, the rest still applies.
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:configuration: initializationOptions.*rules\\.quote\\.unattributed.*"}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt"}}}
---
<~~ {"id": 2, "result": {"tooLarge": true, "text": null}}
---
{"id": 3, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt"}}}
---
<-- {"jsonrpc": "2.0", "id": 3, "result": []}
---
# A full change that fits brings the document back.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt", "version": 2}, "contentChanges": [{"text": "“Short,” she said."}]}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/big.txt", "version": 2}}
---
# didChangeConfiguration makes the server pull again; a bigger limit.
{"method": "workspace/didChangeConfiguration", "params": {"settings": null}}
---
<-- {"jsonrpc": "2.0", "id": 2, "method": "workspace/configuration", "params": {"items": [{"section": "byline"}]}}
---
{"id": 2, "result": [{"maxDocumentSize": 1000}]}
---
# Every open document is analysed again with the new settings.
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/big.txt", "version": 2}}
---
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt", "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 18}}, "text": " This draft is now longer than thirty bytes."}]}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/big.txt", "version": 3}}
---
{"id": 4, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/big.txt"}}}
---
<~~ {"id": 4, "result": {"tooLarge": false, "text": "“Short,” she said. This draft is now longer than thirty bytes."}}
---
{"id": 5, "method": "shutdown"}
---
<~~ {"id": 5, "result": null}
---
{"method": "exit"}
---
exit-code: 0
