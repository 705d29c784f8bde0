# CRLF line ends: "\r" belongs to the line end, never to the content, and
# the text has no final newline.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt", "languageId": "plaintext", "version": 1, "text": "a\r\nb\r\nc"}}}
---
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt", "version": 2}, "contentChanges": [
  {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 1}}, "text": "B"},
  {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 5}}, "text": "!"}]}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt"}}}
---
<~~ {"id": 2, "result": {"text": "a!\r\nB\r\nc", "lineCount": 3}}
---
# Deleting from the end of line 0 to the start of line 1 joins them.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt", "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 2}, "end": {"line": 1, "character": 0}}, "text": ""}]}}
---
{"id": 3, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt"}}}
---
<~~ {"id": 3, "result": {"version": 3, "text": "a!B\r\nc", "lineCount": 2}}
---
# Inserting a CRLF in the middle of a line splits it.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt", "version": 4}, "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "\r\n"}]}}
---
{"id": 4, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/crlf.txt"}}}
---
<~~ {"id": 4, "result": {"version": 4, "text": "a\r\n!B\r\nc", "lineCount": 3}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/crlf.txt", "version": 4}}
