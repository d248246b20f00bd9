// encode_only, with konnect-models: no decoding, only encoding: the response's members filled one by one from the
// values of Kong's 201 body (as fields_only fills them), then the response encoded to JSON and printed.
// encode_only_hand_written.cpp is the same program with the hand-written struct; ../compile_time.cmake compares
// compiling the two.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    konnect::PersonalAccessTokenCreateResponse response;
    response.id = konnect::Uuid::from_string("83f8380e-7798-4566-99e3-2edf2b57d289").value();
    response.user_id = konnect::Uuid::from_string("84f8380e-7798-4566-99e3-2edf2b57d288").value();
    response.name = "Development Token";
    response.state = konnect::State::active;
    response.konnect_token = konnect::Secret("kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv");
    response.created_at = konnect::Timestamp::from_string("2023-01-01T00:00:00.000Z").value();
    response.updated_at = konnect::Timestamp::from_string("2023-01-01T00:00:00.000Z");
    response.expires_at = konnect::Timestamp::from_string("2024-01-01T00:00:00.000Z");
    std::cout << nlohmann::json(response).dump() << '\n';
    return 0;
}
