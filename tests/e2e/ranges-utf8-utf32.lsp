# Outgoing ranges in utf-8 and utf-32, on a quote after an emoji: the same
# quote is characters 26-36 in UTF-16 (markdown-draft.lsp), 28-42 in UTF-8
# bytes and 25-35 in code points.
{"id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-8"]}, "textDocument": {"hover": {"contentFormat": ["markdown"]}}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-8"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md", "languageId": "markdown", "version": 1, "text": "@file:tests/e2e/data/draft.md"}}}
---
{"id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 24, "character": 28}}}
---
<~~ {"id": 2, "result": {"contents": {"kind": "markdown"}, "range": {"start": {"line": 24, "character": 28}, "end": {"line": 24, "character": 42}}}}
---
# One byte before: the space before the quote, no hover.
{"id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 24, "character": 27}}}
---
<-- {"jsonrpc": "2.0", "id": 3, "result": null}
---
{"id": 4, "method": "shutdown"}
---
<~~ {"id": 4, "result": null}
---
{"method": "exit"}
---
exit-code: 0
