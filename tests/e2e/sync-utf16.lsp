# Incremental and full sync in UTF-16 (the default): an emoji (a surrogate
# pair), an accented letter, CJK; multi-line edits; past-end clamping; and
# edits that are rejected without touching the text.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-16"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "languageId": "plaintext", "version": 1, "text": "Zoë 😀 北京\nline two\nend"}}}
---
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 1, "diagnostics": "<array>"}}
---
# After the emoji: character 6 (Z o ë space and two units of 😀).
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 6}}, "text": "!"}]}}
---
# Inside the surrogate pair: rejected, logged, text and version unchanged.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 5}}, "text": "?"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*change rejected: the range splits a multi-byte character.*"}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<~~ {"id": 2, "result": {"version": 2, "text": "Zoë 😀! 北京\nline two\nend", "lineCount": 3}}
---
# Replace the CJK word, then a multi-line edit across the line end.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 4}, "contentChanges": [
  {"range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 10}}, "text": "Beijing"},
  {"range": {"start": {"line": 0, "character": 3}, "end": {"line": 1, "character": 4}}, "text": "X\nY"}]}}
---
{"id": 3, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<~~ {"id": 3, "result": {"version": 4, "text": "ZoëX\nY two\nend", "lineCount": 3}}
---
# A character past the line end clamps to the line end (the LSP rule).
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 5}, "contentChanges": [{"range": {"start": {"line": 1, "character": 99}, "end": {"line": 1, "character": 99}}, "text": "?"}]}}
---
# A line past the end is rejected.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 6}, "contentChanges": [{"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 1}}, "text": "lost"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*change rejected: the range is past the end of the document.*"}}
---
# Start after end is rejected.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 6}, "contentChanges": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 1}}, "text": "lost"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*change rejected: the range ends before it starts.*"}}
---
# Appending at {line: lineCount, character: 0} means the end of the text.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 7}, "contentChanges": [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "!"}]}}
---
{"id": 4, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<~~ {"id": 4, "result": {"version": 7, "text": "ZoëX\nY two?\nend!"}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 7}}
---
# A full change (no range) replaces everything.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 8}, "contentChanges": [{"text": "fresh 🎉"}]}}
---
{"id": 5, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<~~ {"id": 5, "result": {"version": 8, "text": "fresh 🎉", "lineCount": 1}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 8}}
---
# Close clears the diagnostics; later edits and requests find no document.
{"method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/sync.txt", "diagnostics": []}}
---
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt", "version": 9}, "contentChanges": [{"text": "x"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*is not open; ignored"}}
---
{"id": 6, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/sync.txt"}}}
---
<-- {"jsonrpc": "2.0", "id": 6, "error": {"code": -32602, "message": "the document is not open"}}
---
{"id": 7, "method": "shutdown"}
---
<-- {"jsonrpc": "2.0", "id": 7, "result": null}
---
{"method": "exit"}
---
exit-code: 0
