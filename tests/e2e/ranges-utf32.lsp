# Outgoing ranges in utf-32 (see ranges-utf8-utf32.lsp).
{"id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-32", "utf-8"]}, "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-32"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md", "languageId": "markdown", "version": 1, "text": "@file:tests/e2e/data/draft.md"}}}
---
{"id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}}}
---
<~~ {"id": 2, "result": {"$contains": [{"name": "Quotes", "children": {"$contains": [{"name": "“Finally!”", "range": {"start": {"line": 24, "character": 25}, "end": {"line": 24, "character": 35}}}]}}]}}
---
{"id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 24, "character": 25}}}
---
<~~ {"id": 3, "result": {"contents": {"kind": "plaintext"}, "range": {"start": {"line": 24, "character": 25}, "end": {"line": 24, "character": 35}}}}
