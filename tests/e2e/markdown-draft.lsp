# A Markdown draft (tests/e2e/data/draft.md): front matter, a heading with
# an emoji, accents, CJK, a block quote and a code block. Neovim without
# filetype detection sends languageId "": the .md name makes it Markdown.
{"id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"hover": {"contentFormat": ["plaintext"]}, "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-16"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md", "languageId": "", "version": 1, "text": "@file:tests/e2e/data/draft.md"}}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/draft.md", "version": 1, "diagnostics": {"$each": {"source": "byline", "code": "re:[a-z]+\\.[a-z-]+", "severity": "<int>", "message": "<string>", "range": "<object>"}}}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}}}
---
<~~ {"id": 2, "result": {"languageId": "", "format": "markdown"}}
---
# The outline lists the prose quotes, never the one inside the code block.
{"id": 3, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}}}
---
<~~ {"id": 3, "result": {"$contains": [{"name": "Quotes", "kind": 3, "children": {"$contains": [
      {"name": "re:“This is the most important vote.*", "kind": 15, "range": {"start": {"line": 12, "character": 0}, "end": {"line": 12, "character": 69}}},
      {"name": "“Nobody asked the people who live there”", "kind": 15},
      {"name": "“Finally!”", "kind": 15, "range": {"start": {"line": 24, "character": 26}, "end": {"line": 24, "character": 36}}}],
    "$excludes": [{"name": "re:.*this quote is code.*"}]}}]}}
---
# Plain-text hover (the client takes no Markdown) on the quote after 🎉:
# UTF-16 counts the emoji as two units.
{"id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 24, "character": 30}}}
---
<~~ {"id": 4, "result": {"contents": {"kind": "plaintext", "value": "re:Quote (by .+|with no speaker)(\\n[\\s\\S]*)?"}, "range": {"start": {"line": 24, "character": 26}, "end": {"line": 24, "character": 36}}}}
---
# Inside the code block and on the front matter: nothing.
{"id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 31, "character": 3}}}
---
<-- {"jsonrpc": "2.0", "id": 5, "result": null}
---
{"id": 6, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}, "position": {"line": 1, "character": 2}}}
---
<-- {"jsonrpc": "2.0", "id": 6, "result": null}
---
# Typing a new quoted paragraph at the end shows up in the outline.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md", "version": 2}, "contentChanges": [{"range": {"start": {"line": 35, "character": 0}, "end": {"line": 35, "character": 0}}, "text": "\n“Ça ira,” said a café owner.\n"}]}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/draft.md", "version": 2}}
---
{"id": 7, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}}}
---
<~~ {"id": 7, "result": {"$contains": [{"name": "Quotes", "children": {"$contains": [{"name": "“Ça ira”", "range": {"start": {"line": 36, "character": 0}, "end": {"line": 36, "character": 9}}}]}}]}}
---
{"method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/draft.md"}}}
---
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/draft.md", "diagnostics": []}}
---
{"id": 8, "method": "shutdown"}
---
<~~ {"id": 8, "result": null}
---
{"method": "exit"}
---
exit-code: 0
