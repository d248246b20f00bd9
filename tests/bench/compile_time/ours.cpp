// The compile-time goal's program written with konnect-models: decode Kong's 201 body, encode it back, print it.
// hand_written.cpp is the same program with a hand-written struct; compile_time.cmake times compiling each.
#include "../kong_body.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(kong_body_with_nulls);
    std::cout << response.name << '\n' << nlohmann::json(response).dump() << '\n';
    return 0;
}
