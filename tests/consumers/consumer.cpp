// The program every consumer project builds: Kong's example decodes from text and from a DOM to the
// same value, and encodes back to the same JSON.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto* const body =
        R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
        R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
        R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
        R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})";
    const auto dom = nlohmann::json::parse(body);
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(body);
    const nlohmann::json encoded = response;
    if (dom.get<konnect::PersonalAccessTokenCreateResponse>() != response) {
        std::cerr << "parse() and get<>() disagree: " << response << '\n';
        return 1;
    }
    if (encoded != dom || response.state != konnect::State::active) {
        std::cerr << "the round trip changed the response: " << response << '\n';
        return 1;
    }
    std::cout << "decoded and encoded " << response << '\n';
    return 0;
}
