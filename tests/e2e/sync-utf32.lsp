# positionEncoding utf-32: characters are code points.
{"id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-32", "utf-16"]}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-32"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u32.txt", "languageId": "plaintext", "version": 1, "text": "Zoë 😀 北京\nline two\nend"}}}
---
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u32.txt", "version": 2}, "contentChanges": [
  {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 5}}, "text": "!"},
  {"range": {"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 9}}, "text": "Beijing"},
  {"range": {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 40}}, "text": ""}]}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u32.txt"}}}
---
<~~ {"id": 2, "result": {"version": 2, "text": "Zoë 😀! Beijing\nline\nend"}}
---
{"id": 3, "method": "shutdown"}
---
<~~ {"id": 3, "result": null}
---
{"method": "exit"}
---
exit-code: 0
