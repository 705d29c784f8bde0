#!/usr/bin/env python3
"""Runs one LSP transcript (tests/e2e/*.lsp) through the real server binary.

A transcript is a list of sections separated by lines that are exactly
`---`. Lines starting with `#` are comments. A section is one of:

  {json}            a message to send ("jsonrpc": "2.0" is added if missing).
                    Consecutive sends go out in one write, so a request and
                    its $/cancelRequest arrive together.
  <-- {json}        a message the server must send: matched exactly
                    (same keys, same array lengths), except for patterns.
  <~~ {json}        the same, matched partially: extra object keys are
                    allowed, and expected array items must appear in order
                    among the actual ones.
  raw: TEXT         send TEXT as a message body, framed but not checked
                    (malformed JSON).
  bytes: TEXT       send TEXT as is, after Python string-escape decoding
                    ("Content-Length: x\\r\\n\\r\\n"): bad framing.
  chunked: N        write the next sends N bytes at a time (split reads).
  close-stdin       close the server's input.
  exit-code: N      wait for the server to exit and check its exit code.
  sleep: SECONDS    pause.

Patterns inside expected JSON: "<any>", "<string>", "<number>", "<int>",
"<bool>", "<array>", "<object>", "<absent>" (the key must be missing),
"re:REGEX" (full match on a string); {"$each": X, "$min": N} (an array
whose every item matches X, with at least N items); {"$contains": [X...]}
(an array with items matching each X); {"$excludes": [X...]} (no item
matches any X); {"$len": N}.

String values "@file:PATH" in sent messages are replaced by the contents
of PATH (relative to the repository root).

Every server message must be well framed; responses to
textDocument/documentSymbol are checked for valid nesting (selectionRange
inside range, children inside their parent) and every Range anywhere must
have start <= end. Responses never matched by an expectation fail the
test; unmatched notifications are ignored.

Usage: run_transcript.py BYLINE TRANSCRIPT.lsp [-v]
Environment: BYLINE_E2E_WRAPPER (e.g. "valgrind --error-exitcode=99 -q")
runs the server under a wrapper; timeouts are then multiplied by 10.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WRAPPER = shlex.split(os.environ.get("BYLINE_E2E_WRAPPER", ""))
SLOW = 10 if WRAPPER else 1
VERBOSE = "-v" in sys.argv


class Failure(Exception):
    pass


# ---- matching -------------------------------------------------------------

TYPES = {
    "<string>": lambda v: isinstance(v, str),
    "<number>": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "<int>": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "<bool>": lambda v: isinstance(v, bool),
    "<array>": lambda v: isinstance(v, list),
    "<object>": lambda v: isinstance(v, dict),
}


def match(exp, act, partial, path="$"):
    """Returns None when act matches exp, else a reason."""
    if isinstance(exp, str):
        if exp == "<any>":
            return None
        if exp in TYPES:
            return None if TYPES[exp](act) else f"{path}: expected {exp}, got {json.dumps(act)[:80]}"
        if exp.startswith("re:"):
            if isinstance(act, str) and re.fullmatch(exp[3:], act, re.S):
                return None
            return f"{path}: {json.dumps(act)[:120]} does not match /{exp[3:]}/"
    if isinstance(exp, dict) and any(k.startswith("$") and k in ("$each", "$contains", "$excludes", "$len", "$min") for k in exp):
        if not isinstance(act, list):
            return f"{path}: expected an array, got {json.dumps(act)[:80]}"
        if "$len" in exp and len(act) != exp["$len"]:
            return f"{path}: expected {exp['$len']} items, got {len(act)}"
        if "$min" in exp and len(act) < exp["$min"]:
            return f"{path}: expected at least {exp['$min']} items, got {len(act)}"
        if "$each" in exp:
            for i, a in enumerate(act):
                r = match(exp["$each"], a, partial, f"{path}[{i}]")
                if r:
                    return r
        for j, e in enumerate(exp.get("$contains", [])):
            if not any(match(e, a, partial) is None for a in act):
                return f"{path}: no item matches $contains[{j}] {json.dumps(e)[:120]}"
        for j, e in enumerate(exp.get("$excludes", [])):
            if any(match(e, a, partial) is None for a in act):
                return f"{path}: an item matches $excludes[{j}] {json.dumps(e)[:120]}"
        return None
    if isinstance(exp, dict):
        if not isinstance(act, dict):
            return f"{path}: expected an object, got {json.dumps(act)[:80]}"
        for k, e in exp.items():
            if e == "<absent>":
                if k in act:
                    return f"{path}.{k}: should be absent"
                continue
            if k not in act:
                return f"{path}.{k}: missing"
            r = match(e, act[k], partial, f"{path}.{k}")
            if r:
                return r
        if not partial:
            extra = [k for k in act if k not in exp]
            if extra:
                return f"{path}: unexpected keys {extra}"
        return None
    if isinstance(exp, list):
        if not isinstance(act, list):
            return f"{path}: expected an array, got {json.dumps(act)[:80]}"
        if not partial:
            if len(exp) != len(act):
                return f"{path}: expected {len(exp)} items, got {len(act)}"
            for i, (e, a) in enumerate(zip(exp, act)):
                r = match(e, a, partial, f"{path}[{i}]")
                if r:
                    return r
            return None
        i = 0
        for j, e in enumerate(exp):
            while i < len(act) and match(e, act[i], partial) is not None:
                i += 1
            if i == len(act):
                return f"{path}: no item (in order) matches [{j}] {json.dumps(e)[:120]}"
            i += 1
        return None
    if exp == act and type(exp) == type(act):
        return None
    return f"{path}: expected {json.dumps(exp)}, got {json.dumps(act)[:120]}"


# ---- invariants -----------------------------------------------------------

def pos_le(a, b):
    return (a["line"], a["character"]) <= (b["line"], b["character"])


def inside(inner, outer):
    return pos_le(outer["start"], inner["start"]) and pos_le(inner["end"], outer["end"])


def check_ranges(v, path="$"):
    if isinstance(v, dict):
        if set(v.keys()) >= {"start", "end"} and isinstance(v["start"], dict) and "line" in v["start"]:
            if not pos_le(v["start"], v["end"]):
                raise Failure(f"range ends before it starts at {path}: {v}")
        for k, x in v.items():
            check_ranges(x, f"{path}.{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            check_ranges(x, f"{path}[{i}]")


def check_symbols(symbols, parent=None, path="$"):
    for i, s in enumerate(symbols or []):
        p = f"{path}[{i}]"
        if "range" in s:
            if not inside(s["selectionRange"], s["range"]):
                raise Failure(f"{p} ({s['name']}): selectionRange not inside range")
            if parent and not inside(s["range"], parent["range"]):
                raise Failure(f"{p} ({s['name']}): range not inside its parent's")
            check_symbols(s.get("children"), s, p + ".children")


# ---- the server -----------------------------------------------------------

class Server:
    def __init__(self, binary, stderr_path):
        env = dict(os.environ)
        env.setdefault("XDG_CONFIG_HOME", "/nonexistent/byline-e2e-config")
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen(WRAPPER + [binary, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, env=env, cwd="/")
        self.messages = []   # [message, consumed]
        self.cond = threading.Condition()
        self.error = None
        self.eof = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = out.readline()
                    if not line:
                        return
                    if not line.endswith(b"\r\n"):
                        raise Failure(f"server wrote a header line without CRLF: {line[:80]!r}")
                    if line == b"\r\n":
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                n = int(headers["content-length"])
                body = out.read(n)
                msg = json.loads(body.decode("utf-8"))
                if VERBOSE:
                    print("<-", json.dumps(msg, ensure_ascii=False))
                with self.cond:
                    self.messages.append([msg, False])
                    self.cond.notify_all()
        except Exception as e:  # noqa: BLE001 - any framing problem fails the test
            with self.cond:
                self.error = f"bad output from the server: {e}"
                self.cond.notify_all()
        finally:
            with self.cond:
                self.eof = True
                self.cond.notify_all()

    def write(self, data, chunk=0):
        try:
            if chunk:
                for i in range(0, len(data), chunk):
                    self.proc.stdin.write(data[i:i + chunk])
                    self.proc.stdin.flush()
                    time.sleep(0.001)
            else:
                self.proc.stdin.write(data)
                self.proc.stdin.flush()
        except BrokenPipeError:
            raise Failure("the server closed its input (crashed or exited early)")

    def expect(self, exp, partial, timeout=10.0):
        deadline = time.time() + timeout * SLOW
        with self.cond:
            while True:
                if self.error:
                    raise Failure(self.error)
                for m in self.messages:
                    if not m[1] and match(exp, m[0], partial) is None:
                        m[1] = True
                        return m[0]
                left = deadline - time.time()
                if left <= 0 or (self.eof and self.proc.poll() is not None):
                    reasons = [match(exp, m[0], partial) for m in self.messages if not m[1]]
                    near = "\n  ".join(f"{json.dumps(m[0], ensure_ascii=False)[:400]}\n    -> {r}"
                                       for m, r in zip([m for m in self.messages if not m[1]], reasons))
                    raise Failure(f"expected ({'partial' if partial else 'exact'}):\n  "
                                  f"{json.dumps(exp, ensure_ascii=False)[:600]}\nunmatched messages:\n  {near or '(none)'}")
                self.cond.wait(min(left, 0.2))


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def load_files(v):
    if isinstance(v, str) and v.startswith("@file:"):
        with open(os.path.join(ROOT, v[6:]), encoding="utf-8") as f:
            return f.read()
    if isinstance(v, dict):
        return {k: load_files(x) for k, x in v.items()}
    if isinstance(v, list):
        return [load_files(x) for x in v]
    return v


def sections(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out, cur = [], []
    for line in text.split("\n"):
        if line.rstrip() == "---":
            out.append("\n".join(cur))
            cur = []
        elif not line.startswith("#"):
            cur.append(line)
    out.append("\n".join(cur))
    return [s.strip() for s in out if s.strip()]


def run(binary, path):
    stderr_path = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                               f"byline-e2e-{os.getpid()}-{os.path.basename(path)}.stderr")
    srv = Server(binary, stderr_path)
    methods = {}  # request id -> method
    pending, chunk, exited = b"", 0, False

    def flush():
        nonlocal pending, chunk
        if pending:
            srv.write(pending, chunk)
        pending, chunk = b"", 0

    try:
        for sec in sections(path):
            if sec.startswith("<--") or sec.startswith("<~~"):
                flush()
                exp = json.loads(sec[3:])
                got = srv.expect(exp, sec.startswith("<~~"))
                check_ranges(got)
                if methods.get(json.dumps(got.get("id"))) == "textDocument/documentSymbol":
                    check_symbols(got.get("result"))
            elif sec.startswith("raw:"):
                pending += frame(sec[4:].strip().encode("utf-8"))
            elif sec.startswith("bytes:"):
                pending += sec[6:].strip().encode("latin-1").decode("unicode_escape").encode("latin-1")
            elif sec.startswith("chunked:"):
                flush()
                chunk = int(sec[8:])
            elif sec == "close-stdin":
                flush()
                srv.proc.stdin.close()
            elif sec.startswith("sleep:"):
                flush()
                time.sleep(float(sec[6:]))
            elif sec.startswith("exit-code:"):
                flush()
                want = int(sec[10:])
                try:
                    code = srv.proc.wait(timeout=10 * SLOW)
                except subprocess.TimeoutExpired:
                    raise Failure("the server did not exit")
                exited = True
                if code != want:
                    raise Failure(f"exit code {code}, expected {want}")
            else:
                msg = load_files(json.loads(sec))
                msg.setdefault("jsonrpc", "2.0")
                if "id" in msg and "method" in msg:
                    methods[json.dumps(msg["id"])] = msg["method"]
                pending += frame(json.dumps(msg, ensure_ascii=False).encode("utf-8"))
        flush()
        if not exited:
            try:
                srv.proc.stdin.close()
            except BrokenPipeError:
                pass
            try:
                srv.proc.wait(timeout=10 * SLOW)
            except subprocess.TimeoutExpired:
                srv.proc.kill()
                raise Failure("the server did not exit at the end of its input")
        srv.proc.wait()
        time.sleep(0.05)
        with srv.cond:
            if srv.error:
                raise Failure(srv.error)
            stray = [m[0] for m in srv.messages if not m[1] and "id" in m[0] and "method" not in m[0]]
        if stray:
            raise Failure("responses no expectation matched:\n  " +
                          "\n  ".join(json.dumps(m, ensure_ascii=False)[:300] for m in stray))
        if WRAPPER and srv.proc.returncode == 99:
            raise Failure("the wrapper reported errors (see stderr)")
    except (Failure, json.JSONDecodeError) as e:
        if srv.proc.poll() is None:
            srv.proc.kill()
        srv.stderr.close()
        with open(stderr_path, encoding="utf-8", errors="replace") as f:
            err = f.read()
        print(f"FAIL {path}: {e}\n--- server stderr (last 3000 chars):\n{err[-3000:]}")
        return 1
    srv.stderr.close()
    os.unlink(stderr_path)
    print(f"ok {os.path.basename(path)}")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(run(args[0], args[1]))
