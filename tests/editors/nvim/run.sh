#!/usr/bin/env bash
# Neovim end-to-end test of editors/nvim (ctest: editor.nvim, editor.nvim.can-fail).
#   run.sh BYLINE              the test; exit 0 pass, 1 fail, 77 skip (no nvim)
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
    echo "[nvim-test] ok: the broken expectation made the test fail (rc=$rc)"; exit 0
  fi
  echo "[nvim-test] the broken expectation did not fail the test as it should (rc=$rc)"; exit 1
fi
BYLINE=${1:?usage: run.sh [--can-fail] BYLINE}
NVIM=${NVIM:-nvim}
command -v "$NVIM" >/dev/null || { echo "[nvim-test] SKIP: $NVIM is not installed (scripts/deps.sh installs it)"; exit 77; }
[ -x "$BYLINE" ] || { echo "[nvim-test] FAIL: $BYLINE is not an executable"; exit 1; }

iso=$(mktemp -d)
trap 'rm -rf "$iso"' EXIT
ws=$iso/ws
mkdir -p "$ws"
cp "$root/examples/iran-talks.txt" "$root/tests/editors/fixtures/council-draft.md" "$ws/"
echo '{}' > "$ws/.byline.json"   # the project root the plugin must find
# Isolated: no user config, lsp.log and swap files in $iso.
env TMPDIR=$iso XDG_CONFIG_HOME=$iso/config XDG_DATA_HOME=$iso/data XDG_STATE_HOME=$iso/state \
  XDG_CACHE_HOME=$iso/cache BYLINE=$BYLINE PLUGIN_DIR=$root/editors/nvim WORKSPACE=$ws \
  timeout "${TEST_TIMEOUT:-60}" "$NVIM" --headless -u NONE -i NONE -n -c "luafile $here/test.lua" </dev/null
rc=$?
if [ $rc -eq 124 ]; then echo "[nvim-test] FAIL: timed out"; fi
if [ $rc -ne 0 ]; then
  log=$(find "$iso" -name lsp.log 2>/dev/null | head -1)
  [ -n "$log" ] && { echo "--- lsp.log (last 30 lines)"; tail -30 "$log"; }
fi
exit $rc
