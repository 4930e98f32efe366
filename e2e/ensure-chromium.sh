#!/usr/bin/env bash
# The e2e journeys, screenshots and the browser benchmark drive Debian's Chromium (browser
# downloads are not used). Install it when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo '/usr/bin/chromium is missing: installing Debian chromium'
if [ "$(id -u)" = 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
