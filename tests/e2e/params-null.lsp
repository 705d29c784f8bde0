# Eglot sends "params": null with shutdown and exit: both must work as if
# params were omitted, and the server exits 0.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {"serverInfo": {"name": "byline"}}}
---
{"method": "initialized", "params": {}}
---
{"id": 2, "method": "shutdown", "params": null}
---
<-- {"jsonrpc": "2.0", "id": 2, "result": null}
---
{"method": "exit", "params": null}
---
exit-code: 0
