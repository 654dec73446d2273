#!/usr/bin/env bash
# Debian packages the tests use: Chromium (browser tests), nginx (sub-path deploy test), Java
# (the Nu HTML checker), vim (a real editor's save, as the preview's watcher sees it). Installs only
# what is missing; needs root or sudo for that.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v vim >/dev/null || missing+=(vim)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]} (Debian packages the tests need)"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
