# Text a journalist's editor can hold: a lone surrogate (becomes U+FFFD),
# NUL bytes, an empty document, a document without a final newline.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {}}
---
{"method": "initialized", "params": {}}
---
raw: {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/odd.txt", "languageId": "plaintext", "version": 1, "text": "a\ud800b\u0000c \"q\" \ud83d\ude00"}}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/odd.txt", "version": 1}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/odd.txt"}}}
---
<~~ {"id": 2, "result": {"text": "a\ufffdb\u0000c \"q\" 😀", "length": 16}}
---
# Edits after the NUL and the replacement character land where expected.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/odd.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 5}}, "text": "C"}]}}
---
{"id": 3, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/odd.txt"}}}
---
<~~ {"id": 3, "result": {"text": "a\ufffdb\u0000C \"q\" 😀", "version": 2}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt", "languageId": "plaintext", "version": 1, "text": ""}}}
---
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/empty.txt", "version": 1, "diagnostics": []}}
---
{"id": 4, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt"}}}
---
<-- {"jsonrpc": "2.0", "id": 4, "result": []}
---
{"id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt"}, "position": {"line": 0, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 5, "result": null}
---
# Typing into the empty document, then opening it again (a warning).
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "“Hi,” she said"}]}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt", "languageId": "plaintext", "version": 5, "text": "again"}}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*was already open; replacing its text"}}
---
{"id": 6, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/empty.txt"}}}
---
<~~ {"id": 6, "result": {"text": "again", "version": 5}}
