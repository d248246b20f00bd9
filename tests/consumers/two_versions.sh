#!/usr/bin/env bash
# Two copies of the header of different versions in one program, as when two libraries each vendor their own: the
# checkout's header, and a copy of it whose minor version is one higher. Each is compiled into its own translation
# unit of two_versions/side.cpp; the program links both and checks that each copy sees its own types.
#
#   two_versions.sh <checkout> <work folder> <compiler> [flags...]
set -euo pipefail
checkout=$1 work=$2 compiler=$3
shift 3
sources=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/two_versions
rm -rf "$work" && mkdir -p "$work/older/konnect" "$work/newer/konnect" && cd "$work"

header=include/konnect/personal_access_token_create_response.hpp
cp "$checkout/$header" older/konnect/
minor=$(sed -n 's/^#define KONNECT_MODELS_VERSION_MINOR \([0-9]*\)$/\1/p' older/konnect/*.hpp)
sed "s/^#define KONNECT_MODELS_VERSION_MINOR $minor\$/#define KONNECT_MODELS_VERSION_MINOR $((minor + 1))/" \
    older/konnect/*.hpp >newer/konnect/personal_access_token_create_response.hpp
if cmp -s older/konnect/*.hpp newer/konnect/*.hpp; then
    echo "two_versions.sh: could not make a copy of another version" >&2
    exit 1
fi

"$compiler" -std=c++17 "$@" -I older -DSIDE=older -c -o older.o "$sources/side.cpp"
"$compiler" -std=c++17 "$@" -I newer -DSIDE=newer -c -o newer.o "$sources/side.cpp"
"$compiler" -std=c++17 "$@" -c -o main.o "$sources/main.cpp"
"$compiler" -o two_versions main.o older.o newer.o
./two_versions
