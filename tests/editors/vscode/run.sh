#!/usr/bin/env bash
# VS Code end-to-end test of editors/vscode (ctest: editor.vscode, editor.vscode.can-fail).
#   run.sh VSIX                       the test; exit 0 pass, 1 fail, 77 skip
#   run.sh --can-fail VSIX            runs it with a wrong hover expectation and
#                                     passes only if that run fails on the hover
#   run.sh --screenshot FILE VSIX     also saves the docs screenshot (docs/img/vscode.png)
#   run.sh --build BYLINE [...]       packages a .vsix with BYLINE bundled first
# Needs code-server and playwright-core in node_modules here (npm-install.sh,
# run by scripts/deps.sh) and /usr/bin/chromium.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
can_fail=0 build=""
export SCREENSHOT=${SCREENSHOT:-}
while (($#)); do
  case "$1" in
    --can-fail) can_fail=1; shift ;;
    --screenshot) SCREENSHOT=$(realpath -m "$2"); shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) break ;;
  esac
done
if [ $can_fail = 1 ]; then
  out=$(BYLINE_TEST_BREAK=1 "$0" "$@" 2>&1); rc=$?
  printf '%s\n' "$out" | tail -6
  if [ $rc -eq 77 ]; then exit 77; fi
  if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "FAIL: hover on Mottaki does not show 'Manouchehr Mottaky"; then
    echo "[vscode-test] ok: the broken expectation made the test fail (rc=$rc)"; exit 0
  fi
  echo "[vscode-test] the broken expectation did not fail the test as it should (rc=$rc)"; exit 1
fi

chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "[vscode-test] SKIP: $chromium is not installed (scripts/deps.sh installs it)"; exit 77; }
if [ ! -x "$here/node_modules/.bin/code-server" ] || [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "[vscode-test] code-server is not installed here: running npm-install.sh"
  "$here/npm-install.sh" || { echo "[vscode-test] SKIP: code-server cannot be installed (see above)"; exit 77; }
fi

tmp=""
if [ -n "$build" ]; then
  tmp=$(mktemp -d)
  "$root/editors/vscode/build-vsix.sh" --server "$build" --out "$tmp/byline.vsix" >/dev/null || exit 1
  set -- "$tmp/byline.vsix"
fi
vsix=${1:?usage: run.sh [--can-fail] [--screenshot FILE] (VSIX | --build BYLINE)}
pidfile=$(mktemp)
cleanup() {
  # code-server runs in its own process group; e2e.mjs stops it, this is
  # the safety net for when e2e.mjs itself was killed.
  local pgid; pgid=$(cat "$pidfile" 2>/dev/null)
  if [ -n "$pgid" ] && kill -0 "$pgid" 2>/dev/null; then kill -- "-$pgid" 2>/dev/null; fi
  rm -f "$pidfile"
  [ -z "$tmp" ] || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
CS_PIDFILE=$pidfile CHROMIUM=$chromium node "$here/e2e.mjs" "$vsix"
