#!/bin/sh
# Runs a command with Node.js 24 first on PATH. Where the machine's Node is older,
# Node 24 is fetched once from the npm registry into tools/node24 (the `node` package
# ships the official binary) and used from there; npm then runs on it too.
set -e
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
  tools="$root/tools/node24"
  if [ ! -x "$tools/node_modules/.bin/node" ]; then
    echo "Node.js $(node -v 2>/dev/null || echo 'missing') is older than 24: fetching Node.js 24 from the npm registry into tools/node24" >&2
    (cd "$tools" && npm install --no-audit --no-fund --no-save --loglevel=error)
  fi
  PATH="$tools/node_modules/.bin:$PATH"
  export PATH
fi
exec "$@"
