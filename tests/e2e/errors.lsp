# Every JSON-RPC error code, and the server keeps serving after each.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {}}
---
{"method": "initialized", "params": {}}
---
# -32700: malformed JSON (the id cannot be known: null).
raw: {"jsonrpc": "2.0", "id": 2, "method": "shutdown"
---
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "re:malformed JSON at byte \\d+: .*"}}
---
# -32600: valid JSON that is not a JSON-RPC message.
raw: [1, 2, 3]
---
<-- {"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": "batch messages are not supported"}}
---
raw: {"jsonrpc": "1.0", "id": 3, "method": "shutdown"}
---
<-- {"jsonrpc": "2.0", "id": 3, "error": {"code": -32600, "message": "\"jsonrpc\" must be \"2.0\""}}
---
raw: {"jsonrpc": "2.0", "id": 4, "method": 17}
---
<-- {"jsonrpc": "2.0", "id": 4, "error": {"code": -32600, "message": "<string>"}}
---
# -32601: an unknown request. Unknown notifications get no answer.
{"method": "byline/noSuchNotification", "params": {}}
---
{"method": "$/someClientNotification", "params": {}}
---
{"id": 5, "method": "textDocument/noSuchRequest", "params": {}}
---
<-- {"jsonrpc": "2.0", "id": 5, "error": {"code": -32601, "message": "method not found"}}
---
# -32602: invalid params.
{"id": 6, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/x.txt"}, "position": {"line": -1, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "id": 6, "error": {"code": -32602, "message": "position must be a Position"}}
---
{"id": 7, "method": "textDocument/documentSymbol", "params": {"textDocument": {}}}
---
<-- {"jsonrpc": "2.0", "id": 7, "error": {"code": -32602, "message": "textDocument.uri must be a string"}}
---
{"id": 8, "method": "textDocument/hover", "params": [1, 2]}
---
<-- {"jsonrpc": "2.0", "id": 8, "error": {"code": -32602, "message": "params must be an object"}}
---
{"id": 9, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/x.txt"}, "range": "everything", "context": {"diagnostics": []}}}
---
<-- {"jsonrpc": "2.0", "id": 9, "error": {"code": -32602, "message": "range must be a Range"}}
---
# -32800: a request cancelled by a $/cancelRequest that arrives with it.
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/c.txt", "languageId": "plaintext", "version": 1, "text": "“Yes,” said Ann Lee."}}}
---
{"id": 10, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/c.txt"}}}
---
{"method": "$/cancelRequest", "params": {"id": 10}}
---
<-- {"jsonrpc": "2.0", "id": 10, "error": {"code": -32800, "message": "request cancelled"}}
---
# Cancelling a request that already finished changes nothing.
{"id": 11, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/c.txt"}}}
---
<~~ {"id": 11, "result": "<array>"}
---
{"method": "$/cancelRequest", "params": {"id": 11}}
---
# $/setTrace: with "messages", each message received is traced.
{"method": "$/setTrace", "params": {"value": "messages"}}
---
{"id": 12, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/c.txt"}, "position": {"line": 0, "character": 0}}}
---
<-- {"jsonrpc": "2.0", "method": "$/logTrace", "params": {"message": "received request 'textDocument/hover'"}}
---
<~~ {"id": 12}
---
{"method": "$/setTrace", "params": {"value": "off"}}
---
# Still serving after all that.
{"id": 13, "method": "shutdown"}
---
<-- {"jsonrpc": "2.0", "id": 13, "result": null}
---
{"method": "exit"}
---
exit-code: 0
