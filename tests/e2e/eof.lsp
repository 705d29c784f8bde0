# End of input: a clean exit (1, as no shutdown came), even mid-message.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {}}
---
bytes: Content-Length: 100\r\n\r\n{"jsonrpc":
---
close-stdin
---
exit-code: 1
