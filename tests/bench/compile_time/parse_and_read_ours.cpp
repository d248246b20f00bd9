// parse_and_read, with konnect-models: decode Kong's 201 body from its text with parse() and print two of its
// members, as a program that needs only a few of them does. parse_and_read_hand_written.cpp is the same program with
// the hand-written struct; ../compile_time.cmake compares compiling the two.
#include "../kong_body.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(kong_body_with_nulls);
    std::cout << response.name << ' ' << response.id.to_string() << '\n';
    return 0;
}
