// parse_and_read, written by hand with nlohmann_json: parse_and_read_ours.cpp's program with the struct and
// from_json of ../hand_written.hpp.
#include "../hand_written.hpp"

#include <iostream>

int main() {
    const auto response = nlohmann::json::parse(kong_body_with_nulls).get<hand_written::Response>();
    std::cout << response.name << ' ' << response.id << '\n';
    return 0;
}
