#!/usr/bin/env python3
"""Error-injection benchmark for the rule catalogue (issue 4).

Takes clean, published articles, injects one error at a time by program,
runs `byline check --format json` on each copy, and reports per rule the
share of injected errors that a diagnostic of that rule covers, plus the
false alarms (errors and warnings) on the untouched originals per 5,000
words.

    inject.py BYLINE DIR [DIR...] [--seed=N] [--json] [--min-coverage=F] [--max-fa=F] [--dump=DIR]

DIR holds D.txt files; when D.gold.json (gold v1) sits beside a text, its
people and quotes choose where to inject, otherwise `byline analyze` does.
The kinds, one copy per kind and article:

  surname-misspelled   a later reference to a person's surname gets a
                       one-letter misspelling          -> person.name-variant
  surname-before-intro a new paragraph "Surname said ..." goes right before
                       the paragraph that introduces the person (unless
                       someone with that surname is introduced earlier)
                                                       -> person.surname-before-introduction
  unattributed-quote   a paragraph that is only a quote goes after a
                       paragraph that quotes and reports no one (elsewhere
                       the speaker carries forward, which is correct style)
                                                       -> quote.unattributed
  closing-mark-dropped a quote's closing double mark is deleted, unless the
                       quote ends its paragraph and the next one opens with
                       a mark (the running-quote convention: no error), or
                       the quote has no opening mark of its own (a running
                       quote's last paragraph: its open mark is earlier)
                                                       -> quote.unbalanced
  unknown-acronym      a new paragraph names an invented four-letter
                       acronym                         -> acronym.undefined

An injection is covered when a diagnostic of the expected rule overlaps the
injected span (for a dropped mark: lies in the quote's paragraph). Exit 77
when no DIR has texts (ctest skips), 1 when --min-coverage / --max-fa
thresholds are given and missed, else 0.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SPEECH = re.compile(r"\b(said|says|say|told|tells|added|asked|according|wrote|stated|explained|"
                    r"announced|claimed|noted|replied|insisted|argued|warned|tweeted|reported)\b",
                    re.I)
QUOTE_CHARS = "\"\u201c\u201d"
RULE = {
    "surname-misspelled": "person.name-variant",
    "surname-before-intro": "person.surname-before-introduction",
    "unattributed-quote": "quote.unattributed",
    "closing-mark-dropped": "quote.unbalanced",
    "unknown-acronym": "acronym.undefined",
}


def check(binary, text, name, workdir):
    """Diagnostics of `byline check --format json` for text (as file name)."""
    path = os.path.join(workdir, name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    p = subprocess.run([binary, "check", "--format", "json", "--fail-on", "error", path],
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, XDG_CONFIG_HOME=workdir))
    if p.returncode == 2 or not p.stdout.strip():
        raise RuntimeError(f"byline check failed on {name}: {p.stderr.strip()}")
    return json.loads(p.stdout)["files"][0]["diagnostics"]


def paragraphs(text):
    """(start, end) character spans of blank-line separated paragraphs."""
    out, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def is_body(text, span):
    """A paragraph that reads as body text (not a headline or a credit)."""
    s = text[span[0]:span[1]].strip()
    return len(s.split()) > 12 and s[-1:] in ".!?\"\u201d" and "Image:" not in s


def char_spans(text, gold_spans):
    """Gold spans are UTF-8 byte offsets; the injector works on characters."""
    data = text.encode("utf-8")
    return [(len(data[:s].decode("utf-8", "replace")), len(data[:e].decode("utf-8", "replace")))
            for s, e in gold_spans]


def model(binary, path, text):
    """People [(name, [(start, end)])] and quotes [(start, end)] in characters,
    from the gold file when there is one, else from `byline analyze`."""
    gold = path[:-4] + ".gold.json"
    if os.path.exists(gold):
        g = json.load(open(gold, encoding="utf-8"))
        people = [(p["name"], char_spans(text, [(m["start"], m["end"]) for m in p["mentions"]]))
                  for p in g.get("people", [])]
        quotes = char_spans(text, [(q["start"], q["end"]) for q in g.get("quotes", [])])
        return people, quotes
    p = subprocess.run([binary, "analyze", path], capture_output=True, text=True, timeout=120)
    m = json.loads(p.stdout)
    people = [(e["name"], char_spans(text, [(x["start"], x["end"]) for x in e["mentions"]]))
              for e in m.get("people", [])]
    quotes = char_spans(text, [(q["start"], q["end"]) for q in m.get("quotes", [])])
    return people, quotes


def surname_of(name):
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    return words[-1] if len(words) >= 2 else None


def misspell(word, rng):
    """A one-edit misspelling: a doubled letter undone or a letter doubled,
    or two inner letters swapped."""
    for i in range(1, len(word) - 1):
        if word[i] == word[i + 1] and word[i].isalpha():
            return word[:i] + word[i + 1:]
    i = rng.randrange(1, len(word) - 2)
    if word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def people_with_later_surname(text, people):
    """(surname, first full-name span, later surname spans) per person."""
    out = []
    for name, mentions in people:
        sur = surname_of(name)
        if not sur or len(sur) < 5 or not re.fullmatch(r"[A-Z][a-z]+", sur):
            continue
        full = [m for m in mentions if text[m[0]:m[1]] == name]
        if not full:
            continue
        later = [m for m in mentions if m[0] > full[0][0] and text[m[1] - len(sur):m[1]] == sur]
        out.append((sur, full[0], later))
    return out


def inject_misspelled(text, people, quotes, rng):
    cands = [(s, f, l) for s, f, l in people_with_later_surname(text, people) if l]
    if not cands:
        return None
    sur, _, later = rng.choice(cands)
    m = rng.choice(later)
    bad = misspell(sur, rng)
    start = m[1] - len(sur)
    return text[:start] + bad + text[m[1]:], (start, start + len(bad))


def first_full_names(text, people):
    """(surname, start of the first full-name mention) of every person."""
    out = []
    for name, mentions in people:
        sur = surname_of(name)
        full = [m[0] for m in mentions if text[m[0]:m[1]] == name]
        if sur and full:
            out.append((sur, min(full)))
    return out


def inject_before_intro(text, people, quotes, rng):
    paras = paragraphs(text)
    intros = first_full_names(text, people)
    cands = []
    for sur, full, _ in people_with_later_surname(text, people):
        for i, p in enumerate(paras):
            # not where another person with this surname is already introduced:
            # the reader takes "Leung said" for that person (no error of this kind)
            if p[0] <= full[0] < p[1] and i > 0 and \
                    not any(s == sur and at < p[0] for s, at in intros):
                cands.append((sur, p[0]))
    if not cands:
        return None
    sur, at = rng.choice(cands)
    new = f"{sur} said the matter was still under review.\n\n"
    return text[:at] + new + text[at:], (at, at + len(sur))


def inject_unattributed(text, people, quotes, rng):
    paras = paragraphs(text)
    cands = [p for p in paras if is_body(text, p) and not SPEECH.search(text[p[0]:p[1]])
             and not any(c in text[p[0]:p[1]] for c in QUOTE_CHARS)]
    if not cands:
        return None
    p = rng.choice(cands)
    quote = "\"We have made our position clear, and we will not change it now.\""
    at = p[1]
    return text[:at] + "\n\n" + quote + text[at:], (at + 2, at + 2 + len(quote))


def inject_dropped_close(text, people, quotes, rng):
    paras = paragraphs(text)
    cands = []
    for s, e in quotes:
        if e - s < 3 or text[e - 1] not in "\"\u201d":
            continue
        if text[s] not in "\"\u201c":
            continue  # a continuation without its own opening mark: the open quote is earlier
        para = next((p for p in paras if p[0] <= s < p[1]), None)
        if para is None:
            continue
        rest = text[e:para[1]].strip()
        nxt = next((p for p in paras if p[0] >= para[1]), None)
        if not rest and nxt and text[nxt[0]] in "\"\u201c":
            continue  # a running quote: legal without the mark
        cands.append((s, e, para))
    if not cands:
        return None
    s, e, para = rng.choice(cands)
    return text[:e - 1] + text[e:], (para[0], para[1] - 1)


def inject_acronym(text, people, quotes, rng):
    paras = [p for p in paragraphs(text) if is_body(text, p)]
    if not paras:
        return None
    words = set(re.findall(r"[A-Z]{2,}", text))
    while True:
        acr = "".join(rng.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(4))
        if acr not in words:
            break
    p = rng.choice(paras)
    sentence = f"A report by the {acr} is expected later this month."
    at = p[1]
    return text[:at] + "\n\n" + sentence + text[at:], (at + 2 + 16, at + 2 + 16 + len(acr))


KINDS = {
    "surname-misspelled": inject_misspelled,
    "surname-before-intro": inject_before_intro,
    "unattributed-quote": inject_unattributed,
    "closing-mark-dropped": inject_dropped_close,
    "unknown-acronym": inject_acronym,
}


def char_span_of(text, diag):
    data = text.encode("utf-8")
    return (len(data[:diag["start"]].decode("utf-8", "replace")),
            len(data[:diag["end"]].decode("utf-8", "replace")))


def covered(text, diags, rule, span):
    for d in diags:
        if d["rule"] != rule:
            continue
        s, e = char_span_of(text, d)
        if s < max(span[1], span[0] + 1) and e > span[0]:
            return True
    return False


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) if "=" in a else (a[2:], "1") for a in argv[1:] if a.startswith("--"))
    if len(args) < 2:
        print(__doc__)
        return 2
    binary, dirs = args[0], args[1:]
    files = sorted(os.path.join(d, f) for d in dirs if os.path.isdir(d)
                   for f in os.listdir(d) if f.endswith(".txt"))
    if not files:
        print("inject.py: no articles found; skipped")
        return 77
    rng = random.Random(int(opts.get("seed", "4")))
    hits = {k: [0, 0] for k in KINDS}
    alarms, words, missed = 0, 0, []
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            text = open(path, encoding="utf-8").read()
            name = os.path.basename(path)
            words += len(text.split())
            alarms += sum(d["severity"] in ("error", "warning") for d in check(binary, text, name, work))
            people, quotes = model(binary, path, text)
            for kind, fn in KINDS.items():
                got = fn(text, people, quotes, rng)
                if not got:
                    continue
                new, span = got
                diags = check(binary, new, name, work)
                ok = covered(new, diags, RULE[kind], span)
                hits[kind][0] += ok
                hits[kind][1] += 1
                if not ok:
                    missed.append(f"{kind} {name} {new[span[0]:span[1]][:60]!r}")
                    if "dump" in opts:  # --dump=DIR keeps the missed copies
                        os.makedirs(opts["dump"], exist_ok=True)
                        with open(os.path.join(opts["dump"], f"{kind}.{name}"), "w",
                                  encoding="utf-8") as f:
                            f.write(new)
    fa = alarms * 5000 / max(words, 1)
    report = {"articles": len(files), "words": words, "false_alarms": alarms,
              "false_alarms_per_5000_words": round(fa, 2),
              "coverage": {RULE[k]: {"injected": n, "covered": c,
                                     "share": round(c / n, 3) if n else None}
                           for k, (c, n) in hits.items()}}
    if "json" in opts:
        print(json.dumps(report, indent=1))
    else:
        print(f"{'kind':22} {'rule':36} {'covered':>8} {'share':>6}")
        for k, (c, n) in hits.items():
            share = f"{c / n:.2f}" if n else "n/a"
            print(f"{k:22} {RULE[k]:36} {c:>3}/{n:<4} {share:>6}")
        print(f"false alarms on the originals: {alarms} in {words} words = {fa:.2f} per 5,000 words")
        for m in missed:
            print("  missed:", m)
    failed = False
    if "min-coverage" in opts:
        failed |= any(n and c / n < float(opts["min-coverage"]) for c, n in hits.values())
    if "max-fa" in opts:
        failed |= fa > float(opts["max-fa"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
