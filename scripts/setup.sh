#!/usr/bin/env bash
# From a fresh clone to a working Byline: installs what is missing, builds
# build/byline, and runs it on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
echo "== build/byline check examples/iran-talks.txt (a clean, published article: no findings)"
./build/byline check examples/iran-talks.txt
echo "== build/byline analyze examples/iran-talks.txt (the model as JSON; first lines)"
./build/byline analyze examples/iran-talks.txt | head -30
