#!/bin/sh
# gen-words.sh - derives analysis/data/words.txt (ordinary lowercase English
# words) and analysis/data/proper-words.txt (capitalized dictionary entries:
# names, places, languages) from Debian's wamerican word list
# (/usr/share/dict/american-english, from SCOWL by Kevin Atkinson; its
# copyright allows use, copying and distribution, see
# /usr/share/doc/wamerican/copyright). Possessive forms ("'s") are dropped.
# Usage: scripts/gen-words.sh [WORDLIST]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-/usr/share/dict/american-english}
{
  echo "# Lowercase words of Debian wamerican ($src); scripts/gen-words.sh."
  grep -v "'" "$src" | LC_ALL=C grep '^[a-z]' | LC_ALL=C sort -u
} > "$root/analysis/data/words.txt"
{
  echo "# Capitalized entries of Debian wamerican ($src); scripts/gen-words.sh."
  grep -v "'" "$src" | LC_ALL=C grep '^[A-Z]' | LC_ALL=C sort -u
} > "$root/analysis/data/proper-words.txt"
wc -l "$root/analysis/data/words.txt" "$root/analysis/data/proper-words.txt" >&2
