#!/usr/bin/env bash
# Installs the checkout exactly as the README shows it, from a folder where it is named konnect-models.
#
#   install.sh <checkout> <work folder> <install prefix>
set -euo pipefail
checkout=$1 work=$2 PREFIX=$3
rm -rf "$work" "$PREFIX" && mkdir -p "$work" && cd "$work"
ln -s "$checkout" konnect-models

cmake -S konnect-models -B build -DKONNECT_MODELS_BUILD_TESTS=OFF -DKONNECT_MODELS_BUILD_EXAMPLES=OFF
cmake --install build --prefix "$PREFIX"
