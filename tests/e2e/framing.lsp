# Framing: Content-Type tolerated, several messages in one write, a message
# split over many reads, and bad headers reported then skipped (resync).
bytes: Content-Length: 75\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
---
<~~ {"id": 1, "result": {"serverInfo": {"name": "byline"}}}
---
# Header names are case-insensitive; messages back to back in one write.
bytes: content-length: 52\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 67\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"textDocument/noSuch","params":{}}
---
<~~ {"id": 2, "error": {"code": -32601}}
---
# Non-numeric, negative, absurd and conflicting lengths: each reported once,
# the bytes up to the next Content-Length skipped, the next message served.
bytes: Content-Length: abc\r\n\r\n{}
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:bad message header at byte \\d+: Content-Length is not a non-negative decimal number; skipped to the next message"}}
---
bytes: Content-Length: -5\r\n\r\n{}
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*Content-Length is not a non-negative decimal number.*"}}
---
bytes: Content-Length: 99999999999999999999\r\n\r\n{}
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*Content-Length is not a non-negative decimal number.*"}}
---
bytes: Content-Length: 9999999999\r\n\r\n{}
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*Content-Length exceeds the maximum message size.*"}}
---
bytes: Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*conflicting Content-Length headers.*"}}
---
{"id": 3, "method": "textDocument/noSuch", "params": {}}
---
<~~ {"id": 3, "error": {"code": -32601}}
---
# After a good message, a line that is not a header is reported...
bytes: this is not a header\r\n\r\n
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*not a 'Name: value' header line.*"}}
---
{"id": 31, "method": "textDocument/noSuch", "params": {}}
---
<~~ {"id": 31, "error": {"code": -32601}}
---
# ...and so is a header block without Content-Length.
bytes: Content-Type: text/plain\r\n\r\n
---
<~~ {"method": "window/logMessage", "params": {"type": 1, "message": "re:.*no Content-Length header.*"}}
---
{"id": 32, "method": "textDocument/noSuch", "params": {}}
---
<~~ {"id": 32, "error": {"code": -32601}}
---
# Content-Length too short: the body is cut (-32700), the rest is skipped.
bytes: Content-Length: 20\r\n\r\n{"jsonrpc":"2.0","id":4,"method":"textDocument/noSuch","params":{}}
---
<~~ {"id": null, "error": {"code": -32700}}
---
{"id": 5, "method": "textDocument/noSuch", "params": {}}
---
<~~ {"id": 5, "error": {"code": -32601}}
---
# A missing header terminator: the body runs into the header block.
bytes: Content-Length: 67\r\n{"jsonrpc":"2.0","id":6,"method":"textDocument/noSuch","params":{}}
---
{"id": 7, "method": "textDocument/noSuch", "params": {}}
---
<~~ {"id": 7, "error": {"code": -32601}}
---
# A message delivered three bytes per read.
chunked: 3
---
{"id": 8, "method": "textDocument/noSuch", "params": {"text": "ünïcödé 😀 split anywhere"}}
---
<~~ {"id": 8, "error": {"code": -32601}}
---
{"id": 9, "method": "shutdown"}
---
<~~ {"id": 9, "result": null}
---
{"method": "exit"}
---
exit-code: 0
