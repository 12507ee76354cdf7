#!/usr/bin/env bash
# Install what a fresh Debian/Ubuntu machine lacks to run (`deps.sh run`) or to test
# (`deps.sh test`) Pejling. Idempotent: a machine that has everything spends a second here.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-run}

need_apt=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev file curl)
if [ "$what" = test ] || [ "$what" = bench ]; then
  # dbus: a session bus for the e2e test of one app per database (single-instance).
  need_apt+=(xvfb xauth dbus webkit2gtk-driver chromium chromium-driver poppler-utils unzip libreoffice-writer-nogui)
fi
if [ "$what" = bench ]; then
  # The launch bench closes the app as a user does (xdotool finds its window) and watches the
  # window map (xev and xwininfo, in x11-utils).
  need_apt+=(xdotool x11-utils)
fi
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)

missing=()
for p in "${need_apt[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "deps: Rust is missing. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# UI packages: exactly what package-lock.json says.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.lockstamp"; then
    echo "deps: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.lockstamp"
  fi
}
npm_ci ui
if [ "$what" = test ]; then
  npm_ci tests/e2e
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "deps: cargo install tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
fi
