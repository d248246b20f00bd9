#!/usr/bin/env bash
# The consumers without CMake, built with a plain compiler command exactly as the README shows it;
# there `c++` stands for the compiler and warning flags under test. With WITH_FMT=ON in the environment, each also
# builds consumer_fmt.cpp, which uses the opt-in konnect/fmt.hpp and links fmt.
#
#   compile_and_run.sh vendored   <checkout> <work folder> <compiler> [flags...]
#   compile_and_run.sh pkg-config <install prefix> <work folder> <compiler> [flags...]
set -euo pipefail
mode=$1 from=$2 work=$3 compiler=$4
shift 4
flags=("$@")
c++() { "$compiler" "$@" "${flags[@]}"; }  # flags last: the cell's -std overrides the README's

consumers=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work"
cp "$consumers/consumer.cpp" "$consumers/consumer_fmt.cpp" "$consumers/header_alone.cpp" .
with_fmt=${WITH_FMT:-OFF}

case $mode in
vendored)
    ln -s "$from" konnect-models
    # The header, copied alone, is all a project needs besides nlohmann_json.
    mkdir -p third_party/konnect
    cp konnect-models/include/konnect/personal_access_token_create_response.hpp third_party/konnect/
    c++ -std=c++17 -I third_party -o consumer consumer.cpp
    # It compiles with nothing included before it.
    c++ -std=c++17 -I third_party -c -o header_alone.o header_alone.cpp
    if [ "$with_fmt" = ON ]; then
        cp konnect-models/include/konnect/fmt.hpp third_party/konnect/
        c++ -std=c++17 -I third_party -o consumer_fmt consumer_fmt.cpp -lfmt
    fi
    ;;
pkg-config)
    export PKG_CONFIG_PATH=$from/share/pkgconfig
    c++ -std=c++17 $(pkg-config --cflags konnect_models) -o consumer consumer.cpp
    if [ "$with_fmt" = ON ]; then
        c++ -std=c++17 $(pkg-config --cflags konnect_models fmt) -o consumer_fmt consumer_fmt.cpp $(pkg-config --libs fmt)
    fi
    ;;
*)
    echo "unknown mode: $mode" >&2
    exit 2
    ;;
esac

./consumer
if [ "$with_fmt" = ON ]; then
    formatted=$(./consumer_fmt)
    echo "$formatted"
    [[ $formatted == "formatted "*"konnect_token: [redacted]"* ]]
fi
