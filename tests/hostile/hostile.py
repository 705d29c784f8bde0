#!/usr/bin/env python3
"""The hostile-input catalogue: inputs a language server meets in a long
editor session or from a broken client, each with a defined outcome.

Every case talks to the real binary (`byline lsp` over pipes, LSP 3.17, or
`byline analyze` / `byline check`) and passes only when
  - the outcome is the defined one: a JSON-RPC error, a logged warning
    (window/logMessage or window/showMessage), a clean result, or a clean
    exit with a known code;
  - the server still answers afterwards (a request for an unknown method
    must get -32601), and shuts down cleanly (shutdown, exit, code 0);
  - its stderr has no sanitizer or valgrind report and it was not killed
    by a signal.

Usage:
  hostile.py --byline BIN CASE [-v]      run one case (exit 0 pass, 1 fail, 77 skip)
  hostile.py --list                      "NAME LABELS" per line, for CMake
  hostile.py --byline BIN --all [-v]     run every case, print a summary
Options: --wrapper "valgrind --error-exitcode=99 ..." runs the binary under a
wrapper (timeouts x20). HOSTILE_SCALE multiplies every timeout (the ASan
build sets 4).

The catalogue and each outcome are listed in docs/robustness.md.
"""
import argparse
import json
import os
import queue
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77
MIB = 1024 * 1024
SANITIZER = re.compile(rb"ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|"
                       rb"ERROR SUMMARY: [1-9]|definitely lost: [1-9]|"
                       rb"Invalid (read|write|free)|uninitialised value")


class Failure(Exception):
    pass


class Skip(Exception):
    pass


class Context:
    """What every case gets: the binary, the wrapper and the time scale."""

    def __init__(self, byline, wrapper, verbose):
        self.byline = byline
        self.wrapper = wrapper
        self.verbose = verbose
        scale = float(os.environ.get("HOSTILE_SCALE", "1"))
        self.scale = scale * (20 if wrapper else 1)

    def log(self, *args):
        if self.verbose:
            print("hostile:", *args, file=sys.stderr)

    def run_cli(self, args, stdin_data=None, timeout=60):
        """Runs `byline ARGS`; returns (code, stdout, stderr)."""
        with tempfile.TemporaryFile() as err:
            try:
                p = subprocess.run(self.wrapper + [self.byline] + args, input=stdin_data,
                                   stdout=subprocess.PIPE, stderr=err,
                                   timeout=timeout * self.scale)
            except subprocess.TimeoutExpired:
                raise Failure("byline %s did not finish in %ss" % (" ".join(args), timeout * self.scale))
            err.seek(0)
            return p.returncode, p.stdout, err.read()


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def encode(msg):
    msg = dict(msg)
    msg.setdefault("jsonrpc", "2.0")
    return json.dumps(msg, ensure_ascii=False).encode("utf-8")


class Server:
    """`byline lsp` on pipes: a reader thread collects framed messages."""

    def __init__(self, ctx, args=("lsp",)):
        self.ctx = ctx
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(ctx.wrapper + [ctx.byline] + list(args), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.err)
        self.inbox = queue.Queue()
        self.seen = []  # every message received, in order
        self.next_id = 1000
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.inbox.put(None)
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.decode("ascii", "replace").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    self.inbox.put(Failure("server sent a header block without Content-Length"))
                    return
                body = out.read(length)
                if len(body) != length:
                    self.inbox.put(None)
                    return
                try:
                    self.inbox.put(json.loads(body.decode("utf-8")))
                except ValueError as e:
                    self.inbox.put(Failure("server sent a body that is not JSON: %s" % e))
                    return
        except (OSError, ValueError):
            self.inbox.put(None)

    # -- sending --------------------------------------------------------
    def send_raw(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise Failure("the server closed its input (exit code %s)" % self.proc.poll())

    def send(self, msg):
        self.send_raw(frame(encode(msg)))

    def notify(self, method, params=None):
        msg = {"method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def new_id(self):
        self.next_id += 1
        return self.next_id

    # -- receiving ------------------------------------------------------
    def next_message(self, timeout):
        try:
            m = self.inbox.get(timeout=timeout * self.ctx.scale)
        except queue.Empty:
            raise Failure("no message from the server in %.0fs" % (timeout * self.ctx.scale))
        if m is None:
            self.inbox.put(None)  # keep reporting the end
            raise Failure("the server's output ended (exit code %s)" % self.proc.poll())
        if isinstance(m, Failure):
            raise m
        self.seen.append(m)
        self.ctx.log("<-", json.dumps(m)[:300])
        return m

    def wait_for(self, pred, what, timeout=30):
        deadline = time.monotonic() + timeout * self.ctx.scale
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out waiting for %s" % what)
            m = self.next_message(left / self.ctx.scale)
            if pred(m):
                return m

    def seen_match(self, pred):
        return [m for m in self.seen if pred(m)]

    def response(self, rid, timeout=30):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == rid,
                             "the response to request %r" % rid, timeout)

    def request(self, method, params=None, timeout=30):
        rid = self.new_id()
        msg = {"id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(rid, timeout)

    def error_response(self, code_set, timeout=30, rid="any"):
        """Waits for an error response with one of the codes (any id)."""
        def match(m):
            return ("error" in m and "method" not in m and m["error"].get("code") in code_set and
                    (rid == "any" or m.get("id") == rid))
        return self.wait_for(match, "an error response with code %s" % sorted(code_set), timeout)

    def logged(self, pattern, timeout=30):
        """Waits for a window/logMessage or showMessage matching pattern."""
        rx = re.compile(pattern, re.I)

        def match(m):
            return (m.get("method") in ("window/logMessage", "window/showMessage") and
                    rx.search(m.get("params", {}).get("message", "")) is not None)
        for m in self.seen:
            if match(m):
                return m
        return self.wait_for(match, "a logged message matching /%s/" % pattern, timeout)

    # -- lifecycle ------------------------------------------------------
    def initialize(self, options=None, encodings=None):
        caps = {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                 "publishDiagnostics": {"relatedInformation": True}}}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        params = {"processId": None, "rootUri": None, "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        if "result" not in r:
            raise Failure("initialize failed: %r" % r)
        self.notify("initialized", {})
        return r["result"]

    def ping(self, timeout=30):
        """The server still answers: an unknown method gets -32601."""
        r = self.request("byline/hostilePing", {}, timeout)
        if r.get("error", {}).get("code") != -32601:
            raise Failure("ping: expected a -32601 error, got %r" % r)

    def ping_until_answered(self, tries=4, timeout=10):
        """After a framing error that may swallow what follows: some ping
        among a few must be answered."""
        ids = []
        for _ in range(tries):
            rid = self.new_id()
            ids.append(rid)
            self.send({"id": rid, "method": "byline/hostilePing", "params": {}})
        self.wait_for(lambda m: m.get("id") in ids and m.get("error", {}).get("code") == -32601,
                      "an answer to one of %d pings" % tries, timeout)

    def open(self, uri, text, language="plaintext", version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def diagnostics(self, uri, version=None, timeout=60):
        """The diagnostics published for uri (at that version, when given),
        already received or still to come."""
        def match(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and
                    (version is None or m["params"].get("version") == version))
        for m in self.seen:
            if match(m):
                return m
        return self.wait_for(match, "diagnostics for %s" % uri, timeout)

    def state(self, uri):
        """The server's copy of a document (byline/documentState)."""
        r = self.request("byline/documentState", {"textDocument": {"uri": uri}})
        if "result" not in r:
            raise Failure("byline/documentState failed: %r" % r)
        return r["result"]

    def finish(self):
        """shutdown, exit: the process must end with 0 and a clean stderr."""
        r = self.request("shutdown")
        if "result" not in r or r["result"] is not None:
            raise Failure("shutdown: expected a null result, got %r" % r)
        self.notify("exit")
        self.expect_exit({0})

    def expect_exit(self, codes, timeout=30):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            rc = self.proc.wait(timeout * self.ctx.scale)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Failure("the server did not exit in %.0fs" % (timeout * self.ctx.scale))
        self.check_stderr()
        if rc < 0:
            raise Failure("the server was killed by signal %d" % -rc)
        if rc == 99 and self.ctx.wrapper:
            raise Failure("valgrind reported errors (exit 99):\n" + self.stderr_tail())
        if rc not in codes:
            raise Failure("exit code %d, expected %s\n%s" % (rc, sorted(codes), self.stderr_tail()))
        return rc

    def stderr_bytes(self):
        self.err.flush()
        self.err.seek(0)
        return self.err.read()

    def stderr_tail(self, n=3000):
        return self.stderr_bytes()[-n:].decode("utf-8", "replace")

    def check_stderr(self):
        err = self.stderr_bytes()
        if SANITIZER.search(err):
            raise Failure("sanitizer or valgrind report on stderr:\n" + err[-4000:].decode("utf-8", "replace"))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


# ---------------------------------------------------------------------------
# The catalogue. Each case is a function taking a Context; the decorator
# records its name and labels ("slow": big inputs, left out of valgrind).

CASES = []


def case(*labels):
    def add(fn):
        CASES.append((fn.__name__.replace("_", "-"), labels, fn))
        return fn
    return add


def serve(ctx, body, **init):
    """Starts a server, initializes it, runs body(server), then checks
    that it still answers and shuts down cleanly."""
    s = Server(ctx)
    try:
        s.initialize(**init)
        body(s)
        s.ping()
        s.finish()
    finally:
        s.kill()


URI = "file:///tmp/byline-hostile/draft.txt"
ARTICLE = ("\u201cWe look positively on it,\u201d said Sean McCormack, the State Department spokesman.\n\n"
           "Foreign Minister Manouchehr Mottaki said: \"The talks were useful.\"\n")


def hover(s, uri, line, character, timeout=30):
    return s.request("textDocument/hover", {"textDocument": {"uri": uri},
                                            "position": {"line": line, "character": character}}, timeout)


def expect_result_or_error(r, codes, what):
    if "result" in r:
        return
    if r.get("error", {}).get("code") not in codes:
        raise Failure("%s: expected a result or an error %s, got %r" % (what, sorted(codes), r))


# -- documents ----------------------------------------------------------

@case()
def empty_document(ctx):
    def body(s):
        s.open(URI, "")
        d = s.diagnostics(URI, version=1)
        if d["params"]["diagnostics"]:
            raise Failure("diagnostics on an empty document: %r" % d)
        expect_result_or_error(hover(s, URI, 0, 0), set(), "hover on an empty document")
        r = s.request("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
        if r.get("result") not in ([], None):
            raise Failure("symbols of an empty document: %r" % r)
    serve(ctx, body)


def oversized(ctx, size, limit_text):
    def body(s):
        chunk = "Mr. Smith said \u201cno.\u201d " * 64
        text = (chunk * (size // len(chunk.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")
        text += "x" * (size - len(text.encode()))
        s.open(URI, text)
        text = None
        m = s.logged(r"too large.*maximum is %s" % limit_text, timeout=120)
        if m["method"] != "window/showMessage":
            raise Failure("the size limit should be shown to the user: %r" % m)
        expect_result_or_error(hover(s, URI, 0, 3), {-32602, -32803}, "hover on a too-large document")
        # The document stays open and can shrink back under the limit.
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                            "contentChanges": [{"text": ARTICLE}]})
        s.diagnostics(URI, version=2, timeout=120)
        if s.state(URI)["text"] != ARTICLE:
            raise Failure("the text after shrinking is not the client's")
    serve(ctx, body)


@case("slow")
def document_100mb(ctx):
    oversized(ctx, 100 * 1000 * 1000, "52428800")


@case("slow")
def max_document_size_default(ctx):
    oversized(ctx, 50 * MIB + 1, "52428800")


@case()
def max_document_size_setting(ctx):
    """byline.maxDocumentSize set low: open over it, under it, grow past it
    with an incremental edit, shrink back with a full change."""
    def body(s):
        over = "a" * 1001
        s.open(URI, over)
        s.logged(r"too large.*\(1001 bytes; the maximum is 1000\b")
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                            "contentChanges": [{"text": "b" * 1000}]})
        st = s.state(URI)
        if st["tooLarge"] or st["length"] != 1000:
            raise Failure("at the limit: %r" % st)
        s.seen.clear()
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3},
                                            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                                          "end": {"line": 0, "character": 0}},
                                                                "text": "cc"}]})
        s.logged(r"too large.*\(1002 bytes; the maximum is 1000\b")
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 4},
                                            "contentChanges": [{"text": ARTICLE}]})
        st = s.state(URI)
        if st["text"] != ARTICLE or st["tooLarge"]:
            raise Failure("after shrinking back: %r" % st)
    serve(ctx, body, options={"byline": {"maxDocumentSize": 1000}})


@case("slow")
def line_10mb(ctx):
    def body(s):
        words = "Smith said the \u201cplan\u201d was fine and O\u2019Neill agreed "
        n = 10 * 1000 * 1000 // len(words.encode()) + 1
        s.open(URI, words * n)
        s.diagnostics(URI, version=1, timeout=300)
        expect_result_or_error(hover(s, URI, 0, 5000000, timeout=120), set(), "hover in a 10 MB line")
    serve(ctx, body)


# Findings a rule reports per document, and the number of rules (an upper
# bound on the summaries): docs/robustness.md, "Bounded diagnostics".
MAX_PER_RULE = 1000
N_RULES = 11


def expect_bounded(rules, messages, what, summary=None):
    """At most MAX_PER_RULE findings per rule plus one summary each; when
    `summary` names a rule, it must have hit the limit."""
    counts = {}
    for r in rules:
        counts[r] = counts.get(r, 0) + 1
    if any(n > MAX_PER_RULE + 1 for n in counts.values()) or len(rules) > N_RULES * (MAX_PER_RULE + 1):
        raise Failure("%s: unbounded diagnostics %r" % (what, counts))
    if summary and not (counts.get(summary) == MAX_PER_RULE + 1 and
                        any("more %s findings" % summary in m and "not shown" in m for m in messages)):
        raise Failure("%s: expected %d %s findings and a 'not shown' summary, got %r"
                      % (what, MAX_PER_RULE, summary, counts))


@case("slow")
def million_quotes(ctx):
    def body(s):
        s.open(URI, '"' * 1000000)
        d = s.diagnostics(URI, version=1, timeout=300)["params"]["diagnostics"]
        expect_bounded([x["code"] for x in d], [x["message"] for x in d], "a million quotes",
                       "quote.unbalanced")
        expect_result_or_error(hover(s, URI, 0, 500000, timeout=120), set(), "hover among a million quotes")
        s.open("file:///tmp/byline-hostile/curly.txt", "\u201c\u201d\u2018\u2019" * 250000)
        d = s.diagnostics("file:///tmp/byline-hostile/curly.txt", version=1, timeout=300)
        d = d["params"]["diagnostics"]
        expect_bounded([x["code"] for x in d], [x["message"] for x in d], "a million curly marks")
    serve(ctx, body)


# -- JSON ------------------------------------------------------------------

@case()
def nested_json_100k(ctx):
    def body(s):
        for open_, close in (("[", "]"), ('{"a":', "}")):
            deep = open_ * 100000 + "1" + close * 100000
            s.send_raw(frame(('{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":%s}'
                              % deep).encode()))
            s.error_response({-32700, -32600})
            s.ping()
    serve(ctx, body)


@case()
def invalid_utf8_in_json(ctx):
    def body(s):
        for bad in (b"\xff\xfe", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80"):
            s.send_raw(frame(b'{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"x":"' +
                             bad + b'"}}'))
            s.error_response({-32700})
            s.ping()
    serve(ctx, body)


@case()
def nul_bytes(ctx):
    def body(s):
        text = "Mr. Smith said \u0000 \u201cno\u0000 way.\u201d\u0000"
        s.open(URI, text)
        s.diagnostics(URI, version=1)
        st = s.state(URI)
        if st["text"] != text:
            raise Failure("the server's text differs: %r" % st["text"])
        expect_result_or_error(hover(s, URI, 0, 16), set(), "hover next to a NUL")
        s.send_raw(frame(b'{"jsonrpc":"2.0","id":9,\x00"method":"shutdown"}'))
        s.error_response({-32700})
    serve(ctx, body)


@case()
def lone_surrogates(ctx):
    """A lone surrogate escape is not a character: it becomes U+FFFD (the
    message is kept), a proper pair stays one character."""
    def body(s):
        uri = "file:///tmp/byline-hostile/s.txt"
        for version, (esc, want) in enumerate(((b"\\ud800", "\ufffd"), (b"\\udfff", "\ufffd"),
                                               (b"x\\ud83d y", "x\ufffd y"), (b"\\ud83d\\ud83d", "\ufffd\ufffd"),
                                               (b"\\udc00\\ud800x", "\ufffd\ufffdx"),
                                               (b"\\ud83d\\ude00", "\U0001F600")), 1):
            s.send_raw(frame(b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":'
                             b'{"uri":"' + uri.encode() + b'","languageId":"plaintext","version":%d,"text":"' % version +
                             esc + b'"}}}'))
            st = s.state(uri)
            if st["text"] != want:
                raise Failure("%r opened as %r, expected %r" % (esc, st["text"], want))
            s.send_raw(frame(b'{"jsonrpc":"2.0","id":10,"method":"textDocument/hover","params":'
                             b'{"textDocument":{"uri":"' + esc + b'"},"position":{"line":0,"character":0}}}'))
            expect_result_or_error(s.response(10), {-32602}, "hover on a URI with a lone surrogate")
    serve(ctx, body)


# -- framing ---------------------------------------------------------------

PING = b'{"jsonrpc":"2.0","id":424242,"method":"byline/hostilePing","params":{}}'


def framing_case(ctx, data, pattern):
    """Sends bad framing, expects a logged error matching pattern, then a
    good message must be served."""
    def body(s):
        s.send_raw(data)
        s.logged(pattern)
        s.ping_until_answered()
    serve(ctx, body)


@case()
def content_length_too_short(ctx):
    body = encode({"id": 11, "method": "byline/hostilePing", "params": {"pad": "x" * 40}})

    def run(s):
        s.send_raw(b"Content-Length: 10\r\n\r\n" + body)
        s.error_response({-32700})  # the first 10 bytes are not JSON
        s.ping_until_answered()
    serve(ctx, run)


@case()
def content_length_too_long(ctx):
    body = encode({"id": 12, "method": "byline/hostilePing", "params": {}})

    def run(s):
        # The body claims 40 more bytes: it swallows the next header.
        s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) + 40) + body + frame(PING))
        s.error_response({-32700})
        s.ping_until_answered()
    serve(ctx, run)


@case()
def content_length_negative(ctx):
    framing_case(ctx, b"Content-Length: -5\r\n\r\n{}", r"not a non-negative decimal number")


@case()
def content_length_non_numeric(ctx):
    framing_case(ctx, b"Content-Length: twelve\r\n\r\n{}Content-Length: 0x10\r\n\r\n{}",
                 r"not a non-negative decimal number")


@case()
def content_length_absurd(ctx):
    framing_case(ctx, b"Content-Length: 99999999999999\r\n\r\n{}", r"exceeds the maximum message size")
    framing_case(ctx, b"Content-Length: 18446744073709551617\r\n\r\n{}", r"Content-Length")


@case()
def content_length_repeated(ctx):
    def run(s):
        s.send_raw(b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(PING), len(PING)) + PING)
        s.wait_for(lambda m: m.get("id") == 424242, "the answer to a message with a repeated header")
        s.send_raw(b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ")
        s.logged(r"conflicting Content-Length")
        s.ping_until_answered()
    serve(ctx, run)


@case()
def missing_header_terminator(ctx):
    framing_case(ctx, b"Content-Length: 2\r\n{}" + frame(PING), r"bad message header")
    framing_case(ctx, b"Content-Length: 2\r\n" + b"X-Padding: y\r\n" * 700, r"header block too long")


@case()
def garbage_between_messages(ctx):
    framing_case(ctx, b"\x00\xff garbage \r\n\r\n" + b"\x89PNG\r\n\x1a\n" * 10, r"bad message header")


# -- protocol --------------------------------------------------------------

@case()
def positions_past_end(ctx):
    def body(s):
        s.open(URI, ARTICLE)
        for line, ch in ((0, 10 ** 6), (10 ** 6, 0), (10 ** 6, 10 ** 6), (2 ** 53, 2 ** 53)):
            expect_result_or_error(hover(s, URI, line, ch), {-32602}, "hover at %d:%d" % (line, ch))
        for line, ch in ((-1, 0), (0, -1), (1.5, 0)):
            r = hover(s, URI, line, ch)
            if r.get("error", {}).get("code") != -32602:
                raise Failure("hover at %r:%r: expected -32602, got %r" % (line, ch, r))
        s.seen.clear()
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 50, "character": 0}, "end": {"line": 60, "character": 3}}, "text": "X"}]})
        s.logged(r"change rejected")
        # Past the line end clamps to the line end.
        s.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 999}, "end": {"line": 0, "character": 1000}}, "text": "!"}]})
        lines = ARTICLE.split("\n")
        want = "\n".join([lines[0] + "!"] + lines[1:])
        if s.state(URI)["text"] != want:
            raise Failure("clamped edit gave %r" % s.state(URI)["text"])
    serve(ctx, body)


@case()
def edits_to_unopened_document(ctx):
    def body(s):
        other = "file:///tmp/byline-hostile/never-opened.txt"
        s.notify("textDocument/didChange", {"textDocument": {"uri": other, "version": 2},
                                            "contentChanges": [{"text": "x"}]})
        s.logged(r"not open")
        s.notify("textDocument/didClose", {"textDocument": {"uri": other}})
        s.logged(r"didClose.*not open")
        expect_result_or_error(hover(s, other, 0, 0), {-32602}, "hover on an unopened document")
        r = s.request("textDocument/documentSymbol", {"textDocument": {"uri": other}})
        expect_result_or_error(r, {-32602}, "symbols of an unopened document")
    serve(ctx, body)


@case()
def did_open_twice(ctx):
    def body(s):
        s.open(URI, "First text.")
        s.open(URI, ARTICLE, version=5)
        s.logged(r"already open")
        st = s.state(URI)
        if st["text"] != ARTICLE or st["version"] != 5:
            raise Failure("after a second didOpen: %r" % st)
        s.diagnostics(URI, version=5)
    serve(ctx, body)


@case()
def stdin_closed_mid_message(ctx):
    s = Server(ctx)
    try:
        s.initialize()
        s.send_raw(b'Content-Length: 100\r\n\r\n{"jsonrpc":"2.0","id":1,"meth')
        s.expect_exit({1})
        if b"middle of a message" not in s.stderr_bytes():
            raise Failure("no word on stderr about the cut message: %r" % s.stderr_tail())
    finally:
        s.kill()


@case()
def stdout_closed(ctx):
    """SIGPIPE: the client stops reading. The server must notice and exit
    (not die of the signal), whatever it was doing."""
    r, w = os.pipe()
    os.close(r)  # nobody will ever read what the server writes
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen(ctx.wrapper + [ctx.byline, "lsp"], stdin=subprocess.PIPE, stdout=w, stderr=err)
    os.close(w)
    msgs = [{"id": 1, "method": "initialize", "params": {"capabilities": {}}},
            {"method": "initialized", "params": {}},
            {"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": URI, "languageId": "plaintext", "version": 1, "text": ARTICLE * 200}}}]
    msgs += [{"id": 100 + i, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}} for i in range(50)]
    try:
        proc.stdin.write(b"".join(frame(encode(m)) for m in msgs))
        proc.stdin.close()
    except BrokenPipeError:
        pass  # it may already have stopped reading
    try:
        rc = proc.wait(30 * ctx.scale)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise Failure("the server did not exit after losing its output")
    err.seek(0)
    text = err.read()
    if SANITIZER.search(text):
        raise Failure("sanitizer or valgrind report:\n" + text[-4000:].decode("utf-8", "replace"))
    if rc < 0:
        raise Failure("the server was killed by signal %d" % -rc)
    if rc == 99 and ctx.wrapper:
        raise Failure("valgrind reported errors (exit 99)")
    if b"cannot write to the client" not in text:
        raise Failure("no word on stderr about the lost output: %r" % text[-500:])


# -- the command line ----------------------------------------------------------

def cli_case(ctx, content, command="analyze", suffix=".txt", timeout=120):
    """`byline analyze|check FILE`: a clean result (exit 0, or 1 for check's
    findings) or a one-line error (exit 2); never a crash."""
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(content)
        f.flush()
        code, out, err = ctx.run_cli([command, f.name], timeout=timeout)
    check_cli(ctx, command, code, out, err)


def check_cli(ctx, command, code, out, err):
    if code == 77 or b"unknown command" in err:
        raise Skip("byline has no '%s' command" % command)
    if SANITIZER.search(err):
        raise Failure("sanitizer or valgrind report:\n" + err[-4000:].decode("utf-8", "replace"))
    if code < 0:
        raise Failure("byline %s killed by signal %d" % (command, -code))
    if code == 2:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        if len(lines) != 1:
            raise Failure("exit 2 should come with one line on stderr, got %r" % lines)
        return
    if code not in ((0,) if command == "analyze" else (0, 1)):
        raise Failure("byline %s: exit %d\n%s" % (command, code, err[-2000:].decode("utf-8", "replace")))
    if command == "analyze":
        model = json.loads(out.decode("utf-8"))
        if model.get("byline") != 1:
            raise Failure("not analysis JSON v1: %r" % out[:200])


HOSTILE_FILES = {
    "empty": b"",
    "nul-bytes": b"Mr. Smith said \x00 \"no\x00 way.\"\x00\n",
    "invalid-utf8": b"\xff\xfe \"\xc0\xaf\" said \xed\xa0\x80 Mr. \xe2\x80 Smith \xf4\x90\x80\x80.\n",
    "crlf-no-final-newline": b"\"Yes,\" he said.\r\n\r\n\xe2\x80\x9cNo\xe2\x80\x9d",
    "one-quote": b"\"",
}


@case()
def cli_hostile_files(ctx):
    for command in ("analyze", "check"):
        for name, content in HOSTILE_FILES.items():
            ctx.log(command, name)
            for suffix in (".txt", ".md"):
                cli_case(ctx, content, command, suffix)


@case()
def cli_missing_and_unreadable(ctx):
    for command in ("analyze", "check"):
        for path in ("/nonexistent/byline-hostile.txt", "/"):
            code, out, err = ctx.run_cli([command, path])
            if b"unknown command" in err:
                raise Skip("byline has no '%s' command" % command)
            if code != 2:
                raise Failure("byline %s %s: exit %d, expected 2" % (command, path, code))
            check_cli(ctx, command, code, out, err)


@case("slow")
def cli_big_files(ctx):
    line = ("Smith said the \u201cplan\u201d was fine " * 300000).encode()
    for command in ("analyze", "check"):
        cli_case(ctx, line, command, timeout=600)
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            f.write(b'"' * 1000000)
            f.flush()
            code, out, err = ctx.run_cli([command, f.name], timeout=600)
        check_cli(ctx, command, code, out, err)
        if command == "analyze":
            d = json.loads(out.decode("utf-8"))["diagnostics"]
            rules, messages = [x["rule"] for x in d], [x["message"] for x in d]
        else:  # FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]
            lines = out.decode("utf-8").splitlines()
            rules, messages = [x.rsplit("[", 1)[-1].rstrip("]") for x in lines], lines
        expect_bounded(rules, messages, "byline %s on a million quotes" % command, "quote.unbalanced")


@case("slow")
def cli_100mb(ctx):
    """The command line has no size limit of its own: 100 MB is analysed or
    refused with one line, within bounded memory (the test's timeout)."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as f:
        para = (ARTICLE + "\n").encode()
        f.write(para * (100 * 1000 * 1000 // len(para) + 1))
        f.flush()
        code, out, err = ctx.run_cli(["analyze", f.name], timeout=900)
        out = out[:100] + out[-100:] if code == 0 else out
        if code == 0:
            if not out.startswith(b"{"):
                raise Failure("analyze on 100 MB: no JSON")
        else:
            check_cli(ctx, "analyze", code, b"", err)


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("case", nargs="?")
    ap.add_argument("--byline")
    ap.add_argument("--wrapper", default="")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.list:
        for name, labels, _ in CASES:
            print(name, ",".join(("hostile",) + labels))
        return 0
    if not args.byline or not (args.case or args.all):
        ap.error("give --byline BIN and a CASE (or --all)")
    ctx = Context(os.path.abspath(args.byline), shlex.split(args.wrapper), args.verbose)
    probe = subprocess.run([ctx.byline, "lsp", "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    has_lsp = probe.returncode == 0
    chosen = [c for c in CASES if args.all or c[0] == args.case]
    if not chosen:
        ap.error("no case %r (see --list)" % args.case)
    failed = skipped = 0
    for name, _, fn in chosen:
        t0 = time.monotonic()
        try:
            if not has_lsp and not name.startswith("cli-"):
                raise Skip("byline has no 'lsp' command yet")
            fn(ctx)
            status = "ok"
        except Skip as e:
            status, skipped = "skip (%s)" % e, skipped + 1
        except Failure as e:
            status, failed = "FAIL: %s" % e, failed + 1
        print("%-32s %6.1fs  %s" % (name, time.monotonic() - t0, status))
    if len(chosen) > 1:
        print("%d passed, %d failed, %d skipped" % (len(chosen) - failed - skipped, failed, skipped))
    if failed:
        return 1
    return SKIP if skipped == len(chosen) else 0


if __name__ == "__main__":
    sys.exit(main())
