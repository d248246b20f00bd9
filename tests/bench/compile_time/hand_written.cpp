// The compile-time goal's baseline: ours.cpp's program as users write it by hand with nlohmann_json (the same
// struct and functions as the benchmark's hand_written baseline: ../hand_written.hpp).
#include "../hand_written.hpp"

#include <iostream>

int main() {
    const auto response = nlohmann::json::parse(kong_body_with_nulls).get<hand_written::Response>();
    std::cout << response.name << '\n' << nlohmann::json(response).dump() << '\n';
    return 0;
}
