# positionEncoding utf-8 when the client prefers it: characters are bytes,
# and a position inside a multi-byte sequence is rejected for edits.
{"id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-8"}}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt", "languageId": "text", "version": 1, "text": "Zoë 😀 北京\nline two\nend"}}}
---
# Byte 9 is just after the emoji (Z o ë=2 space 😀=4).
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 9}}, "text": "!"}]}}
---
# Byte 6 is inside the emoji, byte 3 inside ë: both rejected.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt", "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 6}}, "text": "?"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*splits a multi-byte character \\(0:6-0:6, utf-8\\).*"}}
---
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt", "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "text": "?"}]}}
---
<~~ {"method": "window/logMessage", "params": {"type": 2, "message": "re:.*splits a multi-byte character \\(0:0-0:3, utf-8\\).*"}}
---
# 北京 is bytes 11..17 now.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt", "version": 4}, "contentChanges": [{"range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 17}}, "text": "Beijing"}]}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/u8.txt"}}}
---
<~~ {"id": 2, "result": {"version": 4, "text": "Zoë 😀! Beijing\nline two\nend"}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/u8.txt", "version": 4}}
---
{"id": 3, "method": "shutdown"}
---
<~~ {"id": 3, "result": null}
---
{"method": "exit"}
---
exit-code: 0
