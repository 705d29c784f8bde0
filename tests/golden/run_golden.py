#!/usr/bin/env python3
"""Runs one golden case: `byline analyze input.*` in the case folder,
compared with expected.json as JSON (key order and spacing do not matter).

Only the top-level keys expected.json has are compared: a case about quotes
may keep just "byline", "file" and "quotes" when the rest of the output is
another module's business and not reviewed for that input.

Usage: run_golden.py BYLINE CASE_DIR
With BYLINE_UPDATE_GOLDEN=1 the output is written to expected.json instead
(review the diff before committing it: a golden file that encodes a wrong
answer is a defect). Exit 0 on a match or an update, 1 on a difference,
2 on a run error. Python 3 standard library only.
"""

import json
import os
import subprocess
import sys


def first_difference(want, got, path="$"):
    """The JSON path of the first difference and the two values there."""
    if type(want) is not type(got):
        return path, want, got
    if isinstance(want, dict):
        for key in sorted(set(want) | set(got)):
            if key not in want or key not in got:
                return f"{path}.{key}", want.get(key, "<missing>"), got.get(key, "<missing>")
            diff = first_difference(want[key], got[key], f"{path}.{key}")
            if diff:
                return diff
        return None
    if isinstance(want, list):
        for i, (w, g) in enumerate(zip(want, got)):
            diff = first_difference(w, g, f"{path}[{i}]")
            if diff:
                return diff
        if len(want) != len(got):
            return f"{path} (length)", len(want), len(got)
        return None
    return None if want == got else (path, want, got)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    byline, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    inputs = [n for n in ("input.txt", "input.md") if os.path.exists(os.path.join(case, n))]
    if len(inputs) != 1:
        print(f"{case}: needs exactly one of input.txt, input.md", file=sys.stderr)
        return 2
    run = subprocess.run([byline, "analyze", inputs[0]], cwd=case, capture_output=True)
    if run.returncode != 0:
        print(f"{case}: byline exited {run.returncode}: {run.stderr.decode(errors='replace')}",
              file=sys.stderr)
        return 2
    got = json.loads(run.stdout)
    expected = os.path.join(case, "expected.json")
    if os.path.exists(expected):
        with open(expected, encoding="utf-8") as f:
            keys = list(json.load(f).keys())
        got = {k: got[k] for k in keys if k in got}
    if os.environ.get("BYLINE_UPDATE_GOLDEN") == "1":
        with open(expected, "w", encoding="utf-8") as f:
            json.dump(got, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"{case}: expected.json updated")
        return 0
    if not os.path.exists(expected):
        print(f"{case}: no expected.json (run with BYLINE_UPDATE_GOLDEN=1, then review it)",
              file=sys.stderr)
        return 1
    with open(expected, encoding="utf-8") as f:
        want = json.load(f)
    diff = first_difference(want, got)
    if diff:
        where, w, g = diff
        print(f"{case}: differs at {where}\n  expected: {json.dumps(w, ensure_ascii=False)[:300]}"
              f"\n  got:      {json.dumps(g, ensure_ascii=False)[:300]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
