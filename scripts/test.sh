#!/usr/bin/env bash
# Runs every test: the normal build with -Werror, then the ASan+UBSan build,
# each through ctest (unit, golden, e2e, eval report, Node, editors, fuzz
# corpus replay, hostile inputs, valgrind). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)

echo "== build (RelWithDebInfo, -Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
echo "== ctest (build)"
ctest --test-dir build --output-on-failure -j"$jobs" -LE valgrind
# valgrind memcheck (no errors, no leaks) on the e2e transcripts and the
# hostile inputs not labelled slow; tests/hostile adds them when valgrind is
# installed (scripts/deps.sh installs it).
if command -v valgrind >/dev/null 2>&1; then
  echo "== ctest (build, under valgrind)"
  ctest --test-dir build --output-on-failure -j"$jobs" -L valgrind
else
  echo "== valgrind not installed: memcheck runs skipped"
fi

echo "== build (ASan+UBSan, -Werror)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBYLINE_WERROR=ON -DBYLINE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
# Everything but the editors, valgrind and reports, including the fuzz
# corpus replay and the slow hostile inputs (100 MB documents).
echo "== ctest (build-asan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE 'editor|valgrind|report'
