# A client that offers no encoding Byline supports gets utf-16.
{"id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-7", "ebcdic"]}}}}
---
<~~ {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-16"}}}
