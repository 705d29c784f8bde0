#!/usr/bin/env python3
"""Scores `byline analyze` against the gold annotations of the dev set.

Implements the scoring conventions of ../shared/eval/README.md:

1. named mentions per type (people, organizations), strict and lenient,
   one-to-one matching (lenient: larger overlap wins), unmatched predictions
   that overlap an `optional` span ignored;
2. entities by name (one-to-one), plus B-cubed clustering on the aligned
   named mentions;
3. quote spans (overlap, one to one by largest overlap);
4. speaker accuracy over matched quotes with a gold speaker or speaker
   mention, and attributed-quote F1.

Figures are micro-averaged over all documents, and reported for the news
and interview groups separately.

Usage:
    score.py BYLINE DEV_DIR [--per-doc] [--show-errors DOC] [--json]
             [--min people=0.90,orgs=0.75,quotes=0.90,speakers=0.90]

Exit status: 0 when the report ran (and every --min threshold was met),
1 when a threshold was missed, 2 on a usage or run error, 77 (skip) when
the dev folder does not exist.
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys

TYPES = (("people", "people"), ("orgs", "organizations"))
SKIP = 77  # ctest SKIP_RETURN_CODE: the dev set is not there
NAMED_KINDS = {"name", "surname", "honorific", "title", "acronym", "alias"}


def norm(s):
    """Comparison key for names: collapsed whitespace, case ignored."""
    return re.sub(r"\s+", " ", s).strip().casefold()


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Count:
    """TP/FP/FN counters with P/R/F1."""

    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


class Ratio:
    """Sums of per-item scores (B-cubed) or correct/counted (accuracy)."""

    def __init__(self):
        self.num_p = self.den_p = self.num_r = self.den_r = 0.0

    def add(self, other):
        self.num_p += other.num_p
        self.den_p += other.den_p
        self.num_r += other.num_r
        self.den_r += other.den_r

    def prf(self):
        p = self.num_p / self.den_p if self.den_p else 0.0
        r = self.num_r / self.den_r if self.den_r else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match_exact(preds, golds):
    """One-to-one pairs (pi, gi) of identical spans."""
    free = {}
    for gi, g in enumerate(golds):
        free.setdefault((g[0], g[1]), []).append(gi)
    pairs = []
    for pi, p in enumerate(preds):
        lst = free.get((p[0], p[1]))
        if lst:
            pairs.append((pi, lst.pop(0)))
    return pairs


def match_overlap(preds, golds):
    """One-to-one pairs (pi, gi) of overlapping spans, larger overlap first."""
    cand = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            o = overlap(p, g)
            if o > 0:
                cand.append((-o, pi, gi))
    cand.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, pi, gi in cand:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run_byline(byline, txt):
    out = subprocess.run([byline, "analyze", txt], capture_output=True, check=False)
    if out.returncode != 0:
        raise RuntimeError("%s analyze %s: exit %d: %s" %
                           (byline, txt, out.returncode, out.stderr.decode(errors="replace")))
    return json.loads(out.stdout.decode("utf-8"))


def gold_mentions(gold, key):
    """[(start, end, text, cluster)] for the named mentions of one type."""
    out = []
    for ci, ent in enumerate(gold.get(key, [])):
        for m in ent.get("mentions", []):
            out.append((m["start"], m["end"], m["text"], ci))
    return out


def sys_mentions(model, key):
    out = []
    for ci, ent in enumerate(model.get(key, [])):
        for m in ent.get("mentions", []):
            if m.get("kind", "name") in NAMED_KINDS:
                out.append((m["start"], m["end"], m["text"], ci))
    return out


def score_mentions(preds, golds, optional, strict):
    """Returns (Count, pairs, false positives, false negatives, ignored)."""
    pairs = match_exact(preds, golds) if strict else match_overlap(preds, golds)
    mp = {pi for pi, _ in pairs}
    mg = {gi for _, gi in pairs}
    fps, ignored = [], []
    for pi, p in enumerate(preds):
        if pi in mp:
            continue
        if any(overlap(p, o) > 0 for o in optional):
            ignored.append(p)
        else:
            fps.append(p)
    fns = [g for gi, g in enumerate(golds) if gi not in mg]
    c = Count()
    c.tp, c.fp, c.fn = len(pairs), len(fps), len(fns)
    return c, pairs, fps, fns, ignored


def score_bcubed(preds, golds, pairs, ignored):
    """B-cubed over named mentions aligned by `pairs`; twinless mentions are
    singletons on the other side; ignored predictions are left out."""
    ign = {(p[0], p[1]) for p in ignored}
    p_to_g = dict(pairs)
    g_to_p = {gi: pi for pi, gi in pairs}
    gold_cl, sys_cl = {}, {}
    for gi, g in enumerate(golds):
        gold_cl.setdefault(g[3], set()).add(gi)
    for pi, p in enumerate(preds):
        if (p[0], p[1]) in ign and pi not in p_to_g:
            continue
        sys_cl.setdefault(p[3], set()).add(pi)
    r = Ratio()
    for gi, g in enumerate(golds):
        gc = gold_cl[g[3]]
        pi = g_to_p.get(gi)
        if pi is None:
            common = 1
        else:
            common = sum(1 for q in sys_cl[preds[pi][3]] if p_to_g.get(q) in gc)
        r.num_r += common / len(gc)
        r.den_r += 1
    for cl in sys_cl.values():
        for pi in cl:
            gi = p_to_g.get(pi)
            if gi is None:
                common = 1
            else:
                gc = gold_cl[golds[gi][3]]
                common = sum(1 for q in cl if p_to_g.get(q) in gc)
            r.num_p += common / len(cl)
            r.den_p += 1
    return r


def max_bipartite(adj, n_left):
    """Maximum matching (Kuhn): adj[l] = list of right nodes; returns {l: r}."""
    match_r = {}

    def try_l(l, seen):
        for r in adj[l]:
            if r in seen:
                continue
            seen.add(r)
            if r not in match_r or try_l(match_r[r], seen):
                match_r[r] = l
                return True
        return False

    for l in range(n_left):
        try_l(l, set())
    return {l: r for r, l in match_r.items()}


def score_entities(model, gold, key):
    """Entities by name; returns (Count, unmatched system names, unmatched gold names)."""
    sys_ents = model.get(key, [])
    gold_ents = gold.get(key, [])
    optional = {norm(o["text"]) for o in gold.get("optional", [])}
    keys = []
    for g in gold_ents:
        k = {norm(g["name"])}
        k.update(norm(m["text"]) for m in g.get("mentions", []))
        keys.append(k)
    adj = []
    for s in sys_ents:
        n = norm(s.get("name", ""))
        # Prefer the entry whose canonical name is exactly this one.
        exact = [gi for gi, g in enumerate(gold_ents) if norm(g["name"]) == n]
        other = [gi for gi, k in enumerate(keys) if n in k and gi not in exact]
        adj.append(exact + other)
    m = max_bipartite(adj, len(sys_ents))
    c = Count()
    c.tp = len(m)
    fp_names = [s.get("name", "") for si, s in enumerate(sys_ents)
                if si not in m and norm(s.get("name", "")) not in optional]
    used = set(m.values())
    fn_names = [g["name"] for gi, g in enumerate(gold_ents) if gi not in used]
    c.fp, c.fn = len(fp_names), len(fn_names)
    return c, fp_names, fn_names


def sys_quotes(model):
    """Predicted direct quotes: everything not marked as non-speech."""
    return [q for q in model.get("quotes", []) if q.get("speech", True) is not False]


def entity_by_id(model):
    out = {}
    for key in ("people", "organizations", "places"):
        for e in model.get(key, []):
            out[e.get("id")] = e
    return out


def speaker_correct(sq, gq, model_ents, gold):
    gm = gq.get("speaker_mention")
    sm = sq.get("speaker_mention")
    if gm and sm and overlap((sm["start"], sm["end"]), (gm["start"], gm["end"])) > 0:
        return True
    gname = gq.get("speaker")
    sid = sq.get("speaker")
    if gname is None:
        # An unnamed source: right when the system names no entity either.
        return sid is None and gm is None
    if sid is None or sid not in model_ents:
        return False
    names = {norm(gname)}
    for key in ("people", "organizations"):
        for e in gold.get(key, []):
            if e["name"] == gname:
                names.update(norm(m["text"]) for m in e.get("mentions", []))
    return norm(model_ents[sid].get("name", "")) in names


def score_quotes(model, gold):
    preds = sys_quotes(model)
    golds = gold.get("quotes", [])
    pairs = match_overlap([(q["start"], q["end"]) for q in preds],
                          [(q["start"], q["end"]) for q in golds])
    c = Count()
    c.tp = len(pairs)
    c.fp = len(preds) - len(pairs)
    c.fn = len(golds) - len(pairs)
    ents = entity_by_id(model)
    acc = Ratio()
    att = Count()
    wrong = []
    for pi, gi in pairs:
        ok = speaker_correct(preds[pi], golds[gi], ents, gold)
        if golds[gi].get("speaker") is not None or golds[gi].get("speaker_mention") is not None:
            acc.num_p += 1 if ok else 0
            acc.den_p += 1
        if ok:
            att.tp += 1
        else:
            wrong.append((preds[pi], golds[gi]))
    att.fp = len(preds) - att.tp
    att.fn = len(golds) - att.tp
    mp = {pi for pi, _ in pairs}
    mg = {gi for _, gi in pairs}
    fps = [q for i, q in enumerate(preds) if i not in mp]
    fns = [q for i, q in enumerate(golds) if i not in mg]
    return c, acc, att, fps, fns, wrong


class DocScore:
    def __init__(self):
        self.strict = {t: Count() for t, _ in TYPES}
        self.lenient = {t: Count() for t, _ in TYPES}
        self.entities = {t: Count() for t, _ in TYPES}
        self.bcubed = {t: Ratio() for t, _ in TYPES}
        self.quotes = Count()
        self.speakers = Ratio()
        self.attributed = Count()

    def add(self, o):
        for t, _ in TYPES:
            self.strict[t].add(o.strict[t])
            self.lenient[t].add(o.lenient[t])
            self.entities[t].add(o.entities[t])
            self.bcubed[t].add(o.bcubed[t])
        self.quotes.add(o.quotes)
        self.speakers.add(o.speakers)
        self.attributed.add(o.attributed)


def score_doc(model, gold, errors=None):
    ds = DocScore()
    optional = [(o["start"], o["end"]) for o in gold.get("optional", [])]
    for t, key in TYPES:
        golds = gold_mentions(gold, key)
        preds = sys_mentions(model, key)
        ds.strict[t] = score_mentions(preds, golds, optional, True)[0]
        c, pairs, fps, fns, ign = score_mentions(preds, golds, optional, False)
        ds.lenient[t] = c
        ds.bcubed[t] = score_bcubed(preds, golds, pairs, ign)
        ec, efp, efn = score_entities(model, gold, key)
        ds.entities[t] = ec
        if errors is not None:
            errors.append((t, "mention FP", [(p[0], p[2]) for p in fps]))
            errors.append((t, "mention FN", [(g[0], g[2]) for g in fns]))
            errors.append((t, "mention ignored (optional)", [(p[0], p[2]) for p in ign]))
            errors.append((t, "boundary (lenient ok, strict not)",
                           [(preds[pi][0], "%s | gold %s" % (preds[pi][2], golds[gi][2]))
                            for pi, gi in pairs
                            if (preds[pi][0], preds[pi][1]) != (golds[gi][0], golds[gi][1])]))
            errors.append((t, "entity FP", [(0, n) for n in efp]))
            errors.append((t, "entity FN", [(0, n) for n in efn]))
    qc, acc, att, qfp, qfn, wrong = score_quotes(model, gold)
    ds.quotes, ds.speakers, ds.attributed = qc, acc, att
    if errors is not None:
        errors.append(("quotes", "FP", [(q["start"], q["text"]) for q in qfp]))
        errors.append(("quotes", "FN", [(q["start"], q["text"]) for q in qfn]))
        errors.append(("quotes", "speaker wrong",
                       [(g["start"], "%s | gold %s (%s) | system %s (%s)" % (
                           g["text"][:50], g.get("speaker"),
                           (g.get("speaker_mention") or {}).get("text"),
                           s.get("speaker"), (s.get("speaker_mention") or {}).get("text")))
                        for s, g in wrong]))
    return ds


def group_of(doc):
    if doc.startswith("GUM_news_"):
        return "news"
    if doc.startswith("GUM_interview_"):
        return "interviews"
    return "seed"


def fmt(prf):
    return "%.3f %.3f %.3f" % prf


def report_rows(ds):
    rows = []
    for t, _ in TYPES:
        rows.append(("%s mentions strict" % t, ds.strict[t].prf(), ds.strict[t]))
        rows.append(("%s mentions lenient" % t, ds.lenient[t].prf(), ds.lenient[t]))
        rows.append(("%s entities by name" % t, ds.entities[t].prf(), ds.entities[t]))
        rows.append(("%s B3 (named mentions)" % t, ds.bcubed[t].prf(), None))
    rows.append(("quotes", ds.quotes.prf(), ds.quotes))
    rows.append(("attributed quotes", ds.attributed.prf(), ds.attributed))
    return rows


def print_table(title, ds, out):
    out.write("== %s ==\n" % title)
    out.write("%-28s %5s %5s %5s   %s\n" % ("", "P", "R", "F1", "tp/fp/fn"))
    for name, prf, c in report_rows(ds):
        counts = "%d/%d/%d" % (c.tp, c.fp, c.fn) if c else ""
        out.write("%-28s %s   %s\n" % (name, fmt(prf), counts))
    acc = ds.speakers.prf()[0]
    out.write("%-28s %.3f       %d/%d\n" % ("speaker accuracy", acc, int(ds.speakers.num_p),
                                           int(ds.speakers.den_p)))


def summary_json(ds):
    out = {}
    for name, prf, c in report_rows(ds):
        out[name] = {"p": prf[0], "r": prf[1], "f1": prf[2]}
        if c:
            out[name].update(tp=c.tp, fp=c.fp, fn=c.fn)
    out["speaker accuracy"] = {"accuracy": ds.speakers.prf()[0], "correct": ds.speakers.num_p,
                               "counted": ds.speakers.den_p}
    return out


MIN_KEYS = {
    "people": lambda ds: ds.lenient["people"].prf()[2],
    "orgs": lambda ds: ds.lenient["orgs"].prf()[2],
    "quotes": lambda ds: ds.quotes.prf()[2],
    "speakers": lambda ds: ds.speakers.prf()[0],
}


def parse_min(spec):
    out = {}
    for part in spec.split(","):
        if not part:
            continue
        k, _, v = part.partition("=")
        if k not in MIN_KEYS:
            raise argparse.ArgumentTypeError("unknown --min key %r (use %s)" %
                                             (k, ", ".join(MIN_KEYS)))
        out[k] = float(v)
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("byline", help="path to the byline binary")
    ap.add_argument("dev", help="folder with D.txt and D.gold.json")
    ap.add_argument("--per-doc", action="store_true", help="print per-document figures")
    ap.add_argument("--show-errors", metavar="DOC", action="append", default=[],
                    help="list false positives/negatives of DOC (repeatable; 'all' for every doc)")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("--min", type=parse_min, default={},
                    help="thresholds, e.g. people=0.90,orgs=0.75,quotes=0.90,speakers=0.90")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.dev):
        print("score.py: dev set not found at %s: skipped" % args.dev)
        return SKIP
    docs = sorted(f[:-len(".gold.json")] for f in os.listdir(args.dev) if f.endswith(".gold.json"))
    if not docs:
        print("score.py: no *.gold.json in %s: skipped" % args.dev)
        return SKIP

    total = DocScore()
    groups = {"news": DocScore(), "interviews": DocScore(), "seed": DocScore()}
    out = sys.stdout
    if args.per_doc:
        out.write("%-28s %6s %6s %6s %6s %6s %6s\n" % ("document", "perS", "perL", "orgS",
                                                       "orgL", "quote", "spk"))
    for doc in docs:
        gold = load_gold(os.path.join(args.dev, doc + ".gold.json"))
        txt = os.path.join(args.dev, gold.get("text_file", doc + ".txt"))
        try:
            model = run_byline(args.byline, txt)
        except (RuntimeError, OSError, ValueError) as e:
            print("score.py: %s" % e, file=sys.stderr)
            return 2
        want = doc in args.show_errors or "all" in args.show_errors
        errors = [] if want else None
        ds = score_doc(model, gold, errors)
        total.add(ds)
        groups[group_of(doc)].add(ds)
        if args.per_doc:
            out.write("%-28s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f\n" % (
                doc, ds.strict["people"].prf()[2], ds.lenient["people"].prf()[2],
                ds.strict["orgs"].prf()[2], ds.lenient["orgs"].prf()[2], ds.quotes.prf()[2],
                ds.speakers.prf()[0]))
        if errors is not None:
            out.write("-- errors in %s --\n" % doc)
            for kind, label, items in errors:
                if items:
                    out.write("  %s %s (%d):\n" % (kind, label, len(items)))
                    for off, text in items:
                        out.write("    @%d %s\n" % (off, text))
    if args.json:
        json.dump({"all": summary_json(total), "news": summary_json(groups["news"]),
                   "interviews": summary_json(groups["interviews"])}, out, indent=1)
        out.write("\n")
    else:
        print_table("all %d documents (micro-averaged)" % len(docs), total, out)
        print_table("news", groups["news"], out)
        print_table("interviews", groups["interviews"], out)
    failed = [k for k, v in args.min.items() if MIN_KEYS[k](total) < v]
    for k in failed:
        print("score.py: %s %.3f below the minimum %.3f" % (k, MIN_KEYS[k](total), args.min[k]),
              file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
