#!/usr/bin/env bash
# Runs one libFuzzer target for a given time:
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#   scripts/fuzz.sh list
# Configures and builds build-fuzz (clang, BYLINE_FUZZ=ON, ASan+UBSan),
# then runs build-fuzz/fuzz/fuzz_TARGET niced, in one process (one job), with a working
# corpus in fuzz/out/TARGET (new inputs land there, gitignored) seeded by
# the committed fuzz/corpus/TARGET. Findings are written to
# fuzz/out/artifacts/; minimize one with
#   build-fuzz/fuzz/fuzz_TARGET -minimize_crash=1 -runs=10000 CRASHFILE
# and commit it to fuzz/corpus/TARGET/ once fixed. Appends a line with the
# command and minutes to fuzz/out/log.tsv for docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = list ] || [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]" >&2
  echo "targets: $(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_||; s|\.c$||' | grep -v '^model$' | tr '\n' ' ')" >&2
  [ "${1:-}" = list ] && exit 0 || exit 2
fi
target=$1 seconds=$2
shift 2
[ -f "fuzz/fuzz_$target.c" ] || { echo "fuzz.sh: no target fuzz/fuzz_$target.c" >&2; exit 2; }

if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBYLINE_FUZZ=ON >/dev/null
fi
nice -n 19 cmake --build build-fuzz --target "fuzz_$target" -j1 >/dev/null

work=fuzz/out/$target artifacts=fuzz/out/artifacts
mkdir -p "$work" "$artifacts"
flags=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$target-")
[ -f "fuzz/$target.dict" ] && flags+=(-dict="fuzz/$target.dict")

start=$(date +%s)
status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  nice -n 19 "build-fuzz/fuzz/fuzz_$target" "${flags[@]}" "$@" "$work" "fuzz/corpus/$target" || status=$?
minutes=$(( ($(date +%s) - start + 30) / 60 ))
printf '%s\t%s\t%s\t%s\texit %s\n' "$(date -u +%FT%TZ)" "$target" "$minutes" \
  "scripts/fuzz.sh $target $seconds $*" "$status" >>fuzz/out/log.tsv
echo "fuzz.sh: $target ran $minutes min, exit $status"
exit "$status"
