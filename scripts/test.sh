#!/usr/bin/env bash
# Runs every test of Boxwork. Installs what the tests need first (Debian's python3-torchvision
# writes the torchvision parity fixtures), so it works on a fresh machine of this kind.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
/usr/bin/python3 -c 'import torchvision' 2>/dev/null || need_apt+=(python3-torchvision)
# Debian's torch links the generic libblas.so.3; with OpenBLAS behind that name the fixture
# scripts run ~20x faster (the ResNet-50 parity fixture: 130 s -> 6 s).
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need_apt+=(libopenblas0-pthread)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "Installing ${need_apt[*]} (the parity tests' reference)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

exec mvn -B verify "$@"
