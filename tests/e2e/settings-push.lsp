# A client without workspace/configuration pushes settings with
# didChangeConfiguration (Neovim's and eglot's default).
{"id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"maxDocumentSize": 10}}}
---
<~~ {"id": 1, "result": {}}
---
{"method": "initialized", "params": {}}
---
{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/p.txt", "languageId": "plaintext", "version": 1, "text": "twelve bytes"}}}
---
<~~ {"method": "window/showMessage", "params": {"type": 2, "message": "re:.*too large to analyse \\(12 bytes; the maximum is 10.*"}}
---
{"method": "workspace/didChangeConfiguration", "params": {"settings": {"byline": {"maxDocumentSize": 100}}}}
---
# The text was not kept while too large: the next full change restores it.
{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/p.txt", "version": 2}, "contentChanges": [{"text": "twelve bytes"}]}}
---
<~~ {"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///nonexistent/e2e/p.txt", "version": 2}}
---
{"id": 2, "method": "byline/documentState", "params": {"textDocument": {"uri": "file:///nonexistent/e2e/p.txt"}}}
---
<~~ {"id": 2, "result": {"tooLarge": false, "text": "twelve bytes", "version": 2}}
