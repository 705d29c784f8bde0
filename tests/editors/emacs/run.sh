#!/usr/bin/env bash
# Emacs end-to-end test of editors/emacs/byline.el (ctest: editor.emacs, editor.emacs.can-fail).
#   run.sh BYLINE              the test; exit 0 pass, 1 fail, 77 skip (no emacs/eglot)
#   run.sh --can-fail BYLINE   runs it with a wrong hover expectation and
#                              passes only if that run fails on the hover check
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
if [ "${1:-}" = --can-fail ]; then
  shift
  out=$(BYLINE_TEST_BREAK=1 "$0" "$@" 2>&1); rc=$?
  printf '%s\n' "$out" | tail -5
  if [ $rc -eq 77 ]; then exit 77; fi
  if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "FAIL: hover on Mottaki does not show 'Manouchehr Mottaky"; then
    echo "[emacs-test] ok: the broken expectation made the test fail (rc=$rc)"; exit 0
  fi
  echo "[emacs-test] the broken expectation did not fail the test as it should (rc=$rc)"; exit 1
fi
BYLINE=${1:?usage: run.sh [--can-fail] BYLINE}
EMACS=${EMACS:-emacs}
command -v "$EMACS" >/dev/null || { echo "[emacs-test] SKIP: $EMACS is not installed (scripts/deps.sh installs it)"; exit 77; }
if ! "$EMACS" --batch -Q --eval '(progn (require (quote package)) (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa") (package-initialize) (require (quote eglot)) (require (quote markdown-mode)))' >/dev/null 2>&1; then
  echo "[emacs-test] SKIP: eglot or markdown-mode is missing (scripts/deps.sh installs elpa-eglot and elpa-markdown-mode)"; exit 77
fi
[ -x "$BYLINE" ] || { echo "[emacs-test] FAIL: $BYLINE is not an executable"; exit 1; }

iso=$(mktemp -d)
trap 'rm -rf "$iso"' EXIT
ws=$iso/ws
mkdir -p "$ws"
cp "$root/examples/iran-talks.txt" "$root/tests/editors/fixtures/council-draft.md" "$ws/"
echo '{}' > "$ws/.byline.json"
env HOME=$iso TMPDIR=$iso XDG_CONFIG_HOME=$iso/config BYLINE=$BYLINE PLUGIN_DIR=$root/editors/emacs WORKSPACE=$ws \
  timeout "${TEST_TIMEOUT:-60}" "$EMACS" --batch -Q -l "$here/test.el" </dev/null
rc=$?
[ $rc -eq 124 ] && echo "[emacs-test] FAIL: timed out"
exit $rc
