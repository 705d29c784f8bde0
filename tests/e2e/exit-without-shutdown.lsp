# exit without shutdown ends the process with code 1.
{"id": 1, "method": "initialize", "params": {"capabilities": {}}}
---
<~~ {"id": 1, "result": {"serverInfo": {"name": "byline"}}}
---
{"method": "exit"}
---
exit-code: 1
