#!/usr/bin/env bash
# Packages the VS Code extension into a .vsix with the project's pinned
# TypeScript and @vscode/vsce (npm devDependencies, package-lock.json).
#
#   editors/vscode/build-vsix.sh [--server PATH] [--out FILE.vsix]
#
# --server PATH  bundle that byline executable as server/byline, used when
#                neither byline.serverPath nor PATH provides one
# --out FILE     where to write the package (default: editors/vscode/byline-VERSION.vsix)
# Works offline once `npm ci` has run (scripts/deps.sh does it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server="" out=""
while (($#)); do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --out|-o) out=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-vsix.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -z "$server" ] || server=$(realpath -m "$server")
[ -z "$out" ] || out=$(realpath -m "$out")
cd "$here"
version=$(node -p 'require("./package.json").version')
[ -n "$out" ] || out=$here/byline-$version.vsix

if [ ! -x node_modules/.bin/vsce ] || [ ! -x node_modules/.bin/tsc ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf out server
node_modules/.bin/tsc -p .
if [ -n "$server" ]; then
  [ -x "$server" ] || { echo "build-vsix.sh: $server is not an executable" >&2; exit 2; }
  # server/ exists only while packaging, so a later package without
  # --server never ships a stale binary.
  trap 'rm -rf "$here/server"' EXIT
  mkdir server
  cp "$server" server/byline
  chmod 755 server/byline
fi
node_modules/.bin/vsce package --skip-license --out "$out" </dev/null >/dev/null
echo "$out"
