#!/usr/bin/env bash
# Debian packages the tests use: Chromium (browser tests), nginx (sub-path deploy test), Java
# (the Nu HTML checker), vim (a real editor's save, as the preview's watcher sees it), and the
# legacy locale ru_RU.CP1251 (a machine that reads file names otherwise than git writes them:
# tests/test_team.py). Installs only what is missing; needs root or sudo for that.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v vim >/dev/null || missing+=(vim)
[ -f /usr/share/i18n/locales/ru_RU ] || missing+=(locales)  # (the sources localedef makes a locale from)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages the tests need)"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
if ! locale -a 2>/dev/null | grep -qix 'ru_RU.cp1251'; then
  echo "making the locale ru_RU.CP1251 (the tests' legacy locale)"
  $sudo localedef -i ru_RU -f CP1251 ru_RU.CP1251
fi
