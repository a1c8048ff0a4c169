# shellcheck shell=bash
# node_check: Node.js 18 or newer with npm (Debian 12's nodejs and npm packages are enough: Vite 6 runs on 18).
node_check() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Installing Node.js and npm from Debian's packages..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 18 ]; then
    echo "Node.js $(node -v) is too old: the web application builds with Node.js 18 or newer." >&2
    exit 1
  fi
}

# Sourced by run.sh and test.sh: installs the browser renderer of Form.io forms (@formio/js and
# the flatpickr date picker it loads), pinned by src/Workflow.Web/client/package-lock.json, and copies
# their built files into src/Workflow.Web/wwwroot/lib, which is not committed (bpmn-js is bundled by the
# web application's build, in the designer's and the cockpit's chunks). Form.io
# loads flatpickr from its CDN by default; the page points Formio.cdn at /lib/cdn instead, so
# nothing is fetched from outside. Our own scripts in wwwroot/js are plain ES modules: no build.
web_assets() {
  local client=src/Workflow.Web/client lib=src/Workflow.Web/wwwroot/lib
  node_check
  npm ci --prefix "$client" --no-audit --no-fund --loglevel=error
  # The web application: the API client generated from openapi/v1.json, type-checked, built into wwwroot/app.
  npm run build --prefix "$client" --silent >/dev/null
  rm -rf "$lib" && mkdir -p "$lib/formio" "$lib/cdn/flatpickr" "$lib/cdn/flatpickr-formio"
  cp "$client/node_modules/@formio/js/dist/formio.full.min.js" "$client/node_modules/@formio/js/dist/formio.full.min.css" "$lib/formio/"
  cp -r "$client/node_modules/@formio/js/dist/fonts" "$lib/formio/fonts"
  mkdir -p "$lib/cdn/moment-timezone/data/packed"
  cp "$client/node_modules/moment-timezone/data/packed/latest.json" "$lib/cdn/moment-timezone/data/packed/"
  for dir in flatpickr flatpickr-formio; do
    cp "$client/node_modules/flatpickr/dist/flatpickr.min.js" "$client/node_modules/flatpickr/dist/flatpickr.min.css" "$lib/cdn/$dir/"
  done
}
