// text_and_print, with konnect-models: decode Kong's 201 body from its text with parse() and print the response
// with the library's operator<<. text_and_print_hand_written.cpp is the same program with the hand-written struct;
// ../compile_time.cmake compares compiling the two.
#include "../kong_body.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(kong_body_with_nulls);
    std::cout << response << '\n';
    return 0;
}
