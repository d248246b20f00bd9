// dom_round_trip, with konnect-models: decode Kong's 201 body through nlohmann's DOM (json::parse, then get<>()),
// encode it back and print it. dom_round_trip_hand_written.cpp is the same program with the hand-written struct;
// ../compile_time.cmake compares compiling the two.
#include "../kong_body.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto response = nlohmann::json::parse(kong_body_with_nulls).get<konnect::PersonalAccessTokenCreateResponse>();
    std::cout << response.name << '\n' << nlohmann::json(response).dump() << '\n';
    return 0;
}
