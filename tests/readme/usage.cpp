// The README's "Usage": decoding, encoding, the state, the token and times, on Kong's example body.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>
#include <string>

void show(const std::string& body) {
    // Decode: from text in one call (the fastest way: no DOM is built for the schema's members), or from a DOM.
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(body);
    const auto same = nlohmann::json::parse(body).get<konnect::PersonalAccessTokenCreateResponse>();
    std::cout << "decoded alike both ways: " << std::boolalpha << (response == same) << '\n';

    // Encode: members in the schema's order (visible with ordered_json), then the unknown members kept.
    const nlohmann::ordered_json j = response;
    std::cout << "encoded: " << j.dump().size() << " bytes, the token included: that is the wire form\n";

    // The state is an open enum you can switch on.
    switch (response.state) {
        case konnect::State::active:
            std::cout << "active\n";
            break;
        case konnect::State::revoked:
        case konnect::State::expired:
            std::cout << "not usable: " << response.state << '\n';
            break;
        case konnect::State::unknown:  // a state Kong added later; its text is kept
            std::cout << "a new state: " << response.state.to_string() << '\n';
            break;
    }

    // The token is reached only on purpose, and prints as [redacted].
    const std::string_view token = response.konnect_token.reveal();
    std::cout << "the token has " << token.size() << " characters\n";
    std::cout << response << '\n';  // one line, every member, konnect_token: [redacted]
}

int main() {
    show(R"({"id": "83f8380e-7798-4566-99e3-2edf2b57d289", "user_id": "84f8380e-7798-4566-99e3-2edf2b57d288",
             "name": "Development Token", "state": "ACTIVE",
             "konnect_token": "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",
             "created_at": "2023-01-01T00:00:00.000Z", "updated_at": "2023-01-01T00:00:00.000Z",
             "expires_at": "2024-01-01T00:00:00.000Z"})");
}
