// dom_round_trip, written by hand with nlohmann_json: dom_round_trip_ours.cpp's program with the struct, from_json
// and to_json of ../hand_written.hpp (the runtime benchmark's baseline).
#include "../hand_written.hpp"

#include <iostream>

int main() {
    const auto response = nlohmann::json::parse(kong_body_with_nulls).get<hand_written::Response>();
    std::cout << response.name << '\n' << nlohmann::json(response).dump() << '\n';
    return 0;
}
