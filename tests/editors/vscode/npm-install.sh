#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest code-server whose
# engines.node is 20) and playwright-core from package-lock.json, offline
# from everything but the npm registry.  Called by scripts/deps.sh instead of
# a plain `npm ci`; about 70 s on 2 cores (native modules are compiled).
# Needs: build-essential, python3, libkrb5-dev, ripgrep (scripts/deps.sh).
#
# The four workarounds, each for a failure a plain `npm ci` hits:
#  1. npm_config_unsafe_perm: code-server's postinstall refuses to run as root.
#  2. libkrb5-dev (installed by deps.sh): the `kerberos` module needs gssapi.h.
#  3. @vscode/ripgrep's postinstall downloads rg from api.github.com; it first
#     looks in $TMPDIR/vscode-ripgrep-cache-<version>/, seeded here with
#     Debian's rg 13.0.0 (the version it wants).
#  4. npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would
#     prompt and abort.
# npm_config_nodedir=/usr makes node-gyp use the installed Node headers
# instead of downloading them from nodejs.org.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

rg=$(command -v rg || true)
[ -n "$rg" ] || { echo "npm-install.sh: ripgrep (rg) is missing" >&2; exit 1; }
nodedir=/usr
[ -f "$nodedir/include/node/node.h" ] || nodedir=$(dirname "$(dirname "$(command -v node)")")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=$work/vscode-ripgrep-cache-1.15.11   # @vscode/ripgrep version code-server 4.100.3 pins
mkdir -p "$seed"
tar czf "$seed/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$rg")" "$(basename "$rg")"

py=$(command -v /usr/bin/python3 || command -v python3)
log=$work/npm.log
if ! TMPDIR=$work npm_config_nodedir=$nodedir npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_python=$py npm ci --no-audit --no-fund --foreground-scripts >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "npm-install.sh: npm ci failed in $here" >&2
  exit 1
fi
test -x node_modules/.bin/code-server
echo "npm-install.sh: code-server $(node -p 'require("code-server/package.json").version') installed in $here/node_modules"
