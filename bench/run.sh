#!/usr/bin/env bash
# Runs Byline's benchmarks and prints a table per benchmark. Not a test:
# numbers depend on the machine and its load (figures: docs/performance.md).
#   bench/run.sh [SECTION...]     sections: analyze, lsp (default: all)
# Environment: BYLINE_BUILD (default build), BYLINE_CORPUS (default
# ../shared/corpus/wikinews), BENCH_MB (default 10).
# Other benchmarks add a function bench_NAME and their name to SECTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BYLINE_BUILD:-build}
corpus=${BYLINE_CORPUS:-../shared/corpus/wikinews}
mb=${BENCH_MB:-10}
SECTIONS=(analyze lsp)

field() { # field LINE KEY: the value of KEY=... in a key=value line
  tr '\t' '\n' <<<"$1" | sed -n "s/^$2=//p"
}
row() { printf '%-44s %14s %14s %6s\n' "$@"; }
verdict() { # verdict VALUE OP LIMIT
  awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == ">=") ? v >= l : v <= l; print ok ? "ok" : "MISS" }'
}

bench_analyze() {
  cmake --build "$build" --target analyze_bench byline -j"$(nproc)" >/dev/null
  local files=("$corpus"/*.txt)
  [ -e "${files[0]}" ] || { echo "bench: no news text in $corpus" >&2; return 1; }
  mkdir -p bench/out
  local joined=bench/out/news-${mb}mb.txt
  : >"$joined"
  while [ "$(stat -c %s "$joined")" -lt $((mb * 1000000)) ]; do
    for f in "${files[@]}"; do cat "$f"; printf '\n'; done >>"$joined"
  done
  local set_bytes
  set_bytes=$(cat "${files[@]}" | wc -c)

  local tp big draft cli cmp
  tp=$("$build/bench/analyze_bench" throughput "$mb" "${files[@]}")
  big=$("$build/bench/analyze_bench" big "$mb" "${files[@]}")
  draft=$("$build/bench/analyze_bench" draft 20 300 "${files[@]}")
  cli=$( { /usr/bin/time -f 'wall_s=%e	maxrss_kb=%M	cpu_s=%U+%S' \
           "$build/byline" analyze "$joined" >/dev/null; } 2>&1 | tail -1)
  if [ ! -d bench/node_modules/compromise ]; then
    (cd bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  cmp=$(node bench/analyze_compromise.js "${files[@]}")

  local cli_cpu big_bytes
  cli_cpu=$(field "$cli" cpu_s | awk -F+ '{ printf "%.2f", $1 + $2 }')
  big_bytes=$(field "$big" bytes)
  local tp_mb cmp_mb
  tp_mb=$(field "$tp" cpu_mb_s)
  cmp_mb=$(field "$cmp" cpu_mb_s)

  echo "== Analysis: ${#files[@]} Wikinews articles, $set_bytes bytes; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  row "measure" "value" "target" ""
  row "throughput, each article alone (CPU MB/s)" "$tp_mb" ">= 50" "$(verdict "$tp_mb" ">=" 50)"
  row "  same, wall-clock MB/s" "$(field "$tp" wall_mb_s)" "" ""
  row "one $((big_bytes / 1000000)) MB document (CPU MB/s)" "$(field "$big" cpu_mb_s)" "" ""
  row "  peak RSS / input" "$(field "$big" rss_ratio)x" "<= 10x" "$(verdict "$(field "$big" rss_ratio)" "<=" 10)"
  row "byline analyze on it, CPU s (JSON out)" "$cli_cpu" "" ""
  row "  peak RSS / input" "$(awk -v k="$(field "$cli" maxrss_kb)" -v b="$big_bytes" 'BEGIN{printf "%.2fx", k*1024/b}')" "<= 10x" \
      "$(verdict "$(awk -v k="$(field "$cli" maxrss_kb)" -v b="$big_bytes" 'BEGIN{print k*1024/b}')" "<=" 10)"
  row "$(($(field "$draft" bytes) / 1000)) KB draft, median ms (of 300)" "$(field "$draft" median_ms)" "< 1" \
      "$(verdict "$(field "$draft" median_ms)" "<=" 1)"
  row "  p90 ms" "$(field "$draft" p90_ms)" "" ""
  row "compromise 14, same articles (CPU MB/s)" "$cmp_mb" "" ""
  row "Byline / compromise" "$(awk -v a="$tp_mb" -v b="$cmp_mb" 'BEGIN{printf "%.0fx", a/b}')" "" ""
  echo
  printf '%s\n' "$tp" "$big" "$draft" "byline-analyze	$cli" "$cmp" >bench/out/analyze.tsv
}

# Language server: 1,000 single-character edits on a 1 MB and a 10 MB draft
# (LSP_EDITS, default 1000), didChange -> publishDiagnostics latency, hover
# and outline while edits stream in, peak RSS (docs/performance.md).
bench_lsp() {
  cmake --build "$build" --target lsp_bench byline -j"$(nproc)" >/dev/null
  local files=("$corpus"/*.txt) edits=${LSP_EDITS:-1000} size out
  [ -e "${files[0]}" ] || { echo "bench: no news text in $corpus" >&2; return 1; }
  mkdir -p bench/out
  for size in 1 10; do
    out=$("$build/bench/lsp_bench" "$build/byline" "$size" "$edits" "${files[@]}")
    printf '%s\n' "$out" >"bench/out/lsp-${size}mb.tsv"
    local open typing stream mem target
    open=$(grep '^mode=open' <<<"$out"); typing=$(grep '^mode=typing' <<<"$out")
    stream=$(grep '^mode=stream' <<<"$out"); mem=$(grep '^mode=memory' <<<"$out")
    target=$([ "$size" = 1 ] && echo 20 || echo 150)
    echo "== Language server: $(($(field "$open" bytes) / 1000)) KB draft, $edits edits; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
    row "measure" "value" "target" ""
    row "open -> first diagnostics, ms" "$(field "$open" open_ms)" "" ""
    row "didChange -> publishDiagnostics median ms" "$(field "$typing" median_ms)" "" ""
    row "  p99 ms" "$(field "$typing" p99_ms)" "<= $target" "$(verdict "$(field "$typing" p99_ms)" "<=" "$target")"
    row "  max ms" "$(field "$typing" max_ms)" "" ""
    row "hover while typing, median / p99 ms" "$(field "$stream" hover_median_ms) / $(field "$stream" hover_p99_ms)" "" ""
    row "outline while typing, median / p99 ms" "$(field "$stream" outline_median_ms) / $(field "$stream" outline_p99_ms)" "" ""
    row "last edit -> its diagnostics, ms" "$(field "$stream" last_publish_after_ms)" "" ""
    row "peak RSS / document" "$(field "$mem" rss_ratio)x" "<= 20x" "$(verdict "$(field "$mem" rss_ratio)" "<=" 20)"
    echo
  done
}

want=("$@")
[ ${#want[@]} -gt 0 ] || want=("${SECTIONS[@]}")
for s in "${want[@]}"; do
  declare -F "bench_$s" >/dev/null || { echo "bench: unknown section '$s' (${SECTIONS[*]})" >&2; exit 2; }
  "bench_$s"
done
