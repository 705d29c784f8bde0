#!/usr/bin/env python3
"""CLI tests for `byline check`: exit codes, the three output formats,
configuration errors, standard input. Usage: run_cli.py BYLINE REPO CASE.
Every case works in a fresh temporary folder with its own XDG_CONFIG_HOME,
so no configuration of the machine leaks in."""
import json
import os
import subprocess
import sys
import tempfile

BIN, REPO, CASE = sys.argv[1], sys.argv[2], sys.argv[3]

CLEAN = "Manouchehr Mottaki, Iran's foreign minister, spoke in Tehran on Monday.\n\n" \
        "\"We look positively at holding a second round of talks,\" Mottaki said.\n"
UNDEFINED = "Manouchehr Mottaki, Iran's foreign minister, spoke in Tehran on Monday.\n\n" \
            "The QRTF said on Monday that it would attend the meeting.\n"
UNBALANCED = "Manouchehr Mottaki, Iran's foreign minister, spoke in Tehran on Monday.\n\n" \
             "\"We look positively at holding a second round of talks, Mottaki said.\n\n" \
             "The meeting ended.\n"
HINT_ONLY = "Ryan Crocker arrived on Monday.\n\nRyan Crocker said little about it.\n"


def run(args, cwd, stdin=None):
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(cwd, "xdg"), HOME=cwd)
    p = subprocess.run([BIN] + args, cwd=cwd, input=stdin, capture_output=True, text=True,
                       env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr


def write(d, name, text):
    path = os.path.join(d, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def expect(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


def case_seed_clean(d):
    rc, out, err = run(["check", os.path.join(REPO, "examples", "iran-talks.txt")], d)
    expect(rc == 0, f"the seed article gives no error or warning (rc={rc}, out={out!r})")
    expect(" error: " not in out and " warning: " not in out, "no error/warning lines")


def case_exit_codes(d):
    write(d, "clean.txt", CLEAN)
    write(d, "bad.txt", UNDEFINED)
    expect(run(["check", "clean.txt"], d)[0] == 0, "clean file exits 0")
    expect(run(["check", "bad.txt"], d)[0] == 1, "a warning exits 1 (default --fail-on warning)")
    expect(run(["check", "--fail-on", "error", "bad.txt"], d)[0] == 0, "a warning under --fail-on error exits 0")
    expect(run(["check", "clean.txt", "bad.txt"], d)[0] == 1, "any file failing exits 1")
    write(d, "hint.txt", HINT_ONLY)
    expect(run(["check", "hint.txt"], d)[0] == 0, "a hint does not reach warning")
    expect(run(["check", "--fail-on", "hint", "hint.txt"], d)[0] == 1, "--fail-on hint counts hints")


def case_text_format(d):
    write(d, "bad.txt", UNDEFINED)
    rc, out, _ = run(["check", "bad.txt"], d)
    lines = [l for l in out.splitlines() if l]
    expect(len(lines) == 1, f"one finding, got {out!r}")
    expect(lines[0].startswith("bad.txt:3:5: warning: "), f"file:line:column: severity: {lines[0]!r}")
    expect(lines[0].endswith("[acronym.undefined]"), "rule id at the end")


def case_json_format(d):
    write(d, "bad.txt", UNDEFINED)
    rc, out, _ = run(["check", "--format", "json", "bad.txt"], d)
    doc = json.loads(out)
    expect(doc["byline"] == 1 and doc["files"][0]["file"] == "bad.txt", "files[].file")
    diag = doc["files"][0]["diagnostics"][0]
    for key in ("rule", "severity", "start", "end", "line", "column", "message"):
        expect(key in diag, f"diagnostic has {key}")
    expect(diag["rule"] == "acronym.undefined" and diag["line"] == 3, "rule and line")
    expect(rc == 1, "exit code as in text mode")


def case_sarif_format(d):
    write(d, "bad.txt", UNBALANCED)
    rc, out, _ = run(["check", "--format", "sarif", "bad.txt"], d)
    log = json.loads(out)
    expect(log["version"] == "2.1.0" and "$schema" in log, "SARIF 2.1.0 log")
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    expect(len(rules) == 11 and rules[1]["id"] == "quote.unbalanced", "all rules, in catalogue order")
    expect(all(r["helpUri"].endswith(r["id"] + ".md") for r in rules), "helpUri to each rule page")
    expect(run0["columnKind"] == "unicodeCodePoints", "columnKind stated")
    res = [r for r in run0["results"] if r["ruleId"] == "quote.unbalanced"]
    expect(res and res[0]["level"] == "error", "an error result")
    expect(rules[res[0]["ruleIndex"]]["id"] == res[0]["ruleId"], "ruleIndex points at the rule")
    region = res[0]["locations"][0]["physicalLocation"]["region"]
    expect(region["startLine"] == 3 and region["startColumn"] == 1, f"region {region}")
    expect(res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.txt", "uri")
    expect(rc == 1, "errors exit 1")


def case_config(d):
    write(d, "bad.txt", UNDEFINED)
    write(d, ".byline.json", '{"acronyms": {"allowList": ["QRTF"]}}')
    expect(run(["check", "bad.txt"], d)[0] == 0, ".byline.json allow-list is used")
    os.remove(os.path.join(d, ".byline.json"))
    write(d, "other.json", '{"rules": {"acronym.undefined": "error"}}')
    rc, out, _ = run(["check", "--config", "other.json", "--fail-on", "error", "bad.txt"], d)
    expect(rc == 1 and ": error: " in out, "--config file re-grades the rule")


def case_config_error(d):
    write(d, "clean.txt", CLEAN)
    write(d, ".byline.json", '{\n  "rules": {\n    "quote.nope": "error"\n  }\n}\n')
    rc, out, err = run(["check", "clean.txt"], d)
    expect(rc == 2, f"a configuration error exits 2 (rc={rc})")
    lines = err.strip().splitlines()
    expect(len(lines) == 1 and ".byline.json:3: rules.quote.nope:" in lines[0], f"one line naming file, line, key: {err!r}")
    write(d, ".byline.json", '{"rules": [}')
    rc, out, err = run(["check", "clean.txt"], d)
    expect(rc == 2 and "invalid JSON" in err, "broken JSON exits 2")


HOUSE = ('Emma Lopez, 12, won the spelling bee on Saturday, the school said.\n\n'
         '"I studied every night", Emma said. Lopez plans to compete again in the U.S.\n')


def case_config_style(d):
    """The house-style switches of NEWSROOM §8 reach byline check from .byline.json."""
    write(d, "story.txt", HOUSE)
    rc, out, _ = run(["check", "--fail-on", "hint", "story.txt"], d)
    expect(out.count("juvenileAge") == 1 and "quotes.punctuation" not in out
           and "acronyms.periods" not in out, f"defaults: only the child's surname: {out!r}")
    write(d, ".byline.json", '{"quotes": {"punctuation": "american", "requireCurly": true},'
          ' "acronyms": {"periods": false}, "names": {"juvenileAge": 0}}')
    rc, out, _ = run(["check", "--format", "json", "story.txt"], d)
    text = "\n".join(x["message"] for f in json.loads(out)["files"] for x in f["diagnostics"])
    expect("quotes.punctuation" in text and "requireCurly" in text and "acronyms.periods" in text
           and "juvenileAge" not in text, f"switches from the file: {text!r}")


def case_stdin(d):
    rc, out, _ = run(["check", "-"], d, stdin=UNDEFINED)
    expect(rc == 1 and out.startswith("-:3:5: warning:"), f"standard input as '-': {out!r}")


def case_usage(d):
    rc, out, err = run(["check"], d)
    expect(rc == 2 and len(err.strip().splitlines()) == 1, "no FILE: exit 2, one line")
    rc, out, err = run(["check", "--format", "xml", "x.txt"], d)
    expect(rc == 2 and "--format" in err, "bad --format: exit 2")
    rc, out, err = run(["check", "--fail-on", "loud", "x.txt"], d)
    expect(rc == 2, "bad --fail-on: exit 2")
    rc, out, err = run(["check", "--nope", "x.txt"], d)
    expect(rc == 2, "unknown option: exit 2")
    rc, out, err = run(["check", "--help"], d)
    expect(rc == 0 and "--fail-on" in out and "--format" in out, "--help on stdout, exit 0")
    rc, out, err = run(["check", "missing.txt"], d)
    expect(rc == 2 and "missing.txt" in err and len(err.strip().splitlines()) == 1, "missing file: exit 2, one line")


def case_read_only(d):
    path = write(d, "bad.txt", UNBALANCED)
    before = open(path, "rb").read()
    mtime = os.stat(path).st_mtime_ns
    for fmt in ("text", "json", "sarif"):
        run(["check", "--format", fmt, "bad.txt"], d)
    expect(open(path, "rb").read() == before and os.stat(path).st_mtime_ns == mtime, "file untouched")
    expect(sorted(os.listdir(d)) == ["bad.txt"], "no files created")


def case_size_limit(d):
    write(d, "clean.txt", CLEAN)
    write(d, ".byline.json", '{"maxDocumentSize": 20}')
    rc, out, err = run(["check", "clean.txt"], d)
    expect(rc == 2 and "maxDocumentSize" in err, "a document over the limit is a file error")


if __name__ == "__main__":
    fn = globals().get("case_" + CASE.replace("-", "_"))
    if not fn:
        print("unknown case", CASE)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as d:
        fn(d)
    print("1 passed, 0 failed")
