#!/usr/bin/env python3
"""Writes the hand-made seeds of the protocol fuzz targets into
fuzz/corpus/{framing,dispatch}/seed-*. Run from anywhere; idempotent.
The seeds are LSP sessions (initialize, open, edit, hover, shutdown),
broken framings, and what each e2e transcript (tests/e2e/*.lsp) sends;
libFuzzer mutates them from there."""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from run_transcript import load_files, sections  # noqa: E402  (the transcript format's own reader)
ARTICLE = os.path.join(HERE, "corpus", "analysis", "dev-iran-talks.txt")
URI = "file:///tmp/draft.md"


def frame(msg, crlf=True):
    body = msg if isinstance(msg, bytes) else json.dumps(msg, ensure_ascii=False).encode()
    sep = b"\r\n" if crlf else b"\n"
    return b"Content-Length: " + str(len(body)).encode() + sep + sep + body


def req(i, method, params=None):
    m = {"jsonrpc": "2.0", "id": i, "method": method}
    if params is not None:
        m["params"] = params
    return m


def note(method, params=None):
    m = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        m["params"] = params
    return m


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def session(text):
    doc = {"uri": URI}
    return [
        req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16"]},
            "textDocument": {"hover": {"contentFormat": ["markdown"]}}}}),
        note("initialized", {}),
        note("textDocument/didOpen", {"textDocument": {**doc, "languageId": "markdown", "version": 1, "text": text}}),
        note("textDocument/didChange", {"textDocument": {**doc, "version": 2}, "contentChanges": [
            {"range": rng(0, 0, 0, 0), "text": "\u201cHi,\u201d said Mr. Smith. \U0001F600\r\n"},
            {"range": rng(2, 3, 2, 9), "text": ""}]}),
        req(2, "textDocument/hover", {"textDocument": doc, "position": {"line": 0, "character": 14}}),
        req(3, "textDocument/documentSymbol", {"textDocument": doc}),
        req(4, "textDocument/diagnostic", {"textDocument": doc}),
        req(5, "textDocument/codeAction", {"textDocument": doc, "range": rng(0, 0, 1, 0),
                                           "context": {"diagnostics": []}}),
        note("textDocument/didChange", {"textDocument": {**doc, "version": 3}, "contentChanges": [{"text": "Full \"sync\""}]}),
        note("textDocument/didSave", {"textDocument": doc}),
        note("textDocument/didClose", {"textDocument": doc}),
        req(6, "shutdown"),
        note("exit"),
    ]


def many_findings():
    """More findings than a rule reports (1,000 per document, then a
    summary), on many lines and then on one long line with emoji (UTF-16
    surrogates; the position cursor's marks): pushed, pulled and as quick
    fixes over the whole text."""
    doc = {"uri": URI}
    lines = "Smith said \"yes.\n\n" * 1200
    one_line = ("\u201d \U0001F600 " + "x" * 20) * 1300
    return [
        req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {
            "general": {"positionEncodings": ["utf-16"]}}}),
        note("initialized", {}),
        note("textDocument/didOpen", {"textDocument": {**doc, "languageId": "plaintext", "version": 1, "text": lines}}),
        req(2, "textDocument/diagnostic", {"textDocument": doc}),
        note("textDocument/didChange", {"textDocument": {**doc, "version": 2}, "contentChanges": [{"text": one_line}]}),
        req(3, "textDocument/diagnostic", {"textDocument": doc}),
        req(4, "textDocument/codeAction", {"textDocument": doc, "range": rng(0, 0, 1, 0),
                                           "context": {"diagnostics": []}}),
        req(5, "shutdown"),
        note("exit"),
    ]


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def transcript_stream(path):
    """The bytes an e2e transcript sends (run_transcript.py's format):
    JSON sections framed, raw: framed, bytes: as written."""
    out = b""
    for sec in sections(path):
        if sec.startswith("{"):
            msg = json.loads(sec)
            msg.setdefault("jsonrpc", "2.0")
            out += frame(json.dumps(load_files(msg), ensure_ascii=False).encode())
        elif sec.startswith("raw:"):
            out += frame(sec[4:].strip().encode("utf-8"))
        elif sec.startswith("bytes:"):
            out += sec[6:].strip().encode("latin-1").decode("unicode_escape").encode("latin-1")
    return out


def main():
    with open(ARTICLE, encoding="utf-8") as f:
        text = f.read()
    msgs = session(text)
    stream = b"".join(frame(m) for m in msgs)
    # framing: byte 0 seeds the read sizes, the rest is the stream.
    write("framing", "session", b"\x07" + stream)
    write("framing", "session-lf", b"\x03" + b"".join(frame(m, crlf=False) for m in msgs))
    write("framing", "headers", b"\x01" + b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
          b"content-length: 2\r\n\r\n{}" + b"CONTENT-LENGTH:  5 \r\n\r\nnull\n")
    write("framing", "bad-lengths", b"\x05" + b"Content-Length: -1\r\n\r\n{}Content-Length: x\r\n\r\n"
          b"Content-Length: 99999999999\r\n\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{} "
          b"garbage\r\n\r\nContent-Length: 2\r\n\r\n[]")
    write("framing", "short", b"\x02" + b"Content-Length: 10\r\n\r\n{}" + frame(note("exit")))
    write("framing", "no-terminator", b"\x09" + b"Content-Length: 2\r\n{}" + b"X" * 300)
    # dispatch: the stream the client writes.
    write("dispatch", "session", stream)
    write("dispatch", "uninitialized", b"".join(frame(m) for m in msgs[2:]))
    write("dispatch", "many-findings", b"".join(frame(m) for m in many_findings()))
    write("dispatch", "bad-messages", b"".join(frame(m) for m in [
        msgs[0], b"{", b"[]", b"{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":1}",
        req(9, "no/such"), req(10, "textDocument/hover", {"textDocument": {"uri": 5}}),
        note("textDocument/didChange", {"textDocument": {"uri": "file:///nope", "version": 1},
                                        "contentChanges": [{"text": "x"}]}),
        req(11, "textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 99, "character": 99}}),
        b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
        b"{\"uri\":\"file:///x\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"\\ud800 \\u0000 x\"}}}",
        req(12, "shutdown"), req(13, "textDocument/hover", {}), note("exit")]))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "e2e", "*.lsp"))):
        name = "e2e-" + os.path.basename(path)[:-4]
        stream = transcript_stream(path)
        if len(stream) <= 65536:  # the targets' -max_len
            write("dispatch", name, stream)
            write("framing", name, b"\x05" + stream)


if __name__ == "__main__":
    main()
