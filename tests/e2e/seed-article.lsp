# The seed article (examples/iran-talks.txt) as Neovim/VS Code would see it:
# diagnostics with rule ids and links, the outline, hovers, pull
# diagnostics and quick fixes.
{"id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}, "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}, "publishDiagnostics": {"relatedInformation": true}, "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}}}}}}
---
<-- {"jsonrpc": "2.0", "id": 1, "result": {
  "capabilities": {
    "positionEncoding": "utf-16",
    "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
    "hoverProvider": true,
    "documentSymbolProvider": true,
    "diagnosticProvider": {"identifier": "byline", "interFileDependencies": false, "workspaceDiagnostics": false},
    "codeActionProvider": {"codeActionKinds": ["quickfix"]}
  },
  "serverInfo": {"name": "byline", "version": "<string>"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt", "languageId": "plaintext", "version": 1, "text": "@file:examples/iran-talks.txt"}}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/iran-talks.txt", "version": 1, "diagnostics": {"$each": {
  "range": {"start": {"line": "<int>", "character": "<int>"}, "end": {"line": "<int>", "character": "<int>"}},
  "severity": "<int>", "source": "byline", "code": "re:[a-z]+\\.[a-z-]+", "message": "<string>",
  "codeDescription": {"href": "re:https://byline\\.newsroom\\.dev/docs/rules/[a-z]+\\.[a-z-]+\\.md"}}}}}
---
{"id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}}}
---
<~~ {"id": 2, "result": {"$contains": [
  {"name": "People", "kind": 3, "children": {"$contains": [{"name": "Patrick Clawson", "kind": 19, "selectionRange": {"start": {"line": 23, "character": 0}, "end": {"line": 23, "character": 15}}}]}},
  {"name": "Organizations", "kind": 3, "children": {"$contains": [{"name": "Washington Institute for Near East Policy", "kind": 2}]}},
  {"name": "Quotes", "kind": 3, "children": {"$contains": [
      {"name": "re:“Given the situation in Iraq and given.*…”", "kind": 15, "detail": "<string>", "range": {"start": {"line": 10, "character": 0}, "end": {"line": 10, "character": 328}}},
      {"name": "re:“We look positively at holding a second.*”", "kind": 15, "range": {"start": {"line": 15, "character": 0}, "end": {"line": 15, "character": 56}}},
      {"name": "“We have not, to date.”", "kind": 15}]}}]}}
---
# On the quote: its speaker and cue, or that it has none.
{"id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}, "position": {"line": 15, "character": 10}}}
---
<~~ {"id": 3, "result": {"contents": {"kind": "markdown", "value": "re:Quote (by .+|with no speaker)(\\n[\\s\\S]*)?"}, "range": {"start": {"line": 15, "character": 0}, "end": {"line": 15, "character": 56}}}}
---
# On a later mention of a person: who they are and where first mentioned.
{"id": 31, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}, "position": {"line": 27, "character": 2}}}
---
<~~ {"id": 31, "result": {"contents": {"kind": "markdown", "value": "re:\\*\\*Patrick Clawson\\*\\*.*\n\nPerson P\\d+ · \\d+ mentions · first mentioned on line 24 as “Patrick Clawson”[\\s\\S]*"}, "range": {"start": {"line": 27, "character": 0}, "end": {"line": 27, "character": 7}}}}
---
# On the blank line and past the end: nothing.
{"id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}, "position": {"line": 1, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 4, "result": null}
---
{"id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}, "position": {"line": 500, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 5, "result": null}
---
# Pull diagnostics: a full report, then "unchanged" for the same result id.
{"id": 6, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}}}
---
<~~ {"id": 6, "result": {"kind": "full", "resultId": "<string>", "items": {"$each": {"source": "byline", "code": "<string>"}}}}
---
{"id": 7, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 40, "character": 0}}, "context": {"diagnostics": []}}}
---
<~~ {"id": 7, "result": {"$each": {"kind": "quickfix", "title": "<string>", "isPreferred": true, "diagnostics": "<array>", "edit": {"changes": "<object>"}}}}
---
# Edits across lines, then the outline follows the text.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 14, "character": 0}, "end": {"line": 16, "character": 0}}, "text": "“We are open to talks,” he said.\n"}]}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/iran-talks.txt", "version": 2}}
---
{"id": 8, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/iran-talks.txt"}}}
---
<~~ {"id": 8, "result": {"$contains": [{"name": "Quotes", "children": {
      "$contains": [{"name": "“We are open to talks”", "range": {"start": {"line": 14, "character": 0}, "end": {"line": 14, "character": 23}}}],
      "$excludes": [{"name": "re:“We look positively.*"}]}}]}}
---
{"id": 9, "method": "shutdown"}
---
<~~ {"id": 9, "result": null}
---
{"method": "exit"}
---
exit-code: 0
