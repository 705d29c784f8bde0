#!/usr/bin/env bash
# Installs what Byline's build and tests need and is missing: Debian
# packages (apt-get) and the npm packages of the Node-based tests.
# Idempotent and quick when everything is present. Needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and unit tests; valgrind and clang/libFuzzer for robustness; the
# real editors and a browser for the editor tests; Node for the npm tests.
APT_PACKAGES=(
  build-essential cmake pkg-config
  libjansson-dev libutf8proc-dev libcmocka-dev libmd4c-dev
  wamerican iso-codes
  valgrind clang libclang-rt-14-dev python3
  nodejs
  neovim emacs-nox elpa-eglot elpa-markdown-mode
  chromium libkrb5-dev ripgrep
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodesource's nodejs may be installed outside dpkg's view of "nodejs".
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v npm >/dev/null 2>&1 || { echo "deps: npm is missing (install nodejs and npm)" >&2; exit 1; }

# npm packages, from each package-lock.json the project commits.
for lock in $(git ls-files '*package-lock.json' 2>/dev/null || find . -name package-lock.json -not -path '*/node_modules/*'); do
  dir=$(dirname "$lock")
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "deps: npm ci in $dir"
    if [ -x "$dir/npm-install.sh" ]; then
      "$dir/npm-install.sh"
    else
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
done
