// What every consumer project checks: Kong's example decodes, and encodes back to the same JSON.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>

int main() {
    const auto body = nlohmann::json::parse(
        R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
        R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
        R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
        R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})");
    const auto response = body.get<konnect::PersonalAccessTokenCreateResponse>();
    const nlohmann::json encoded = response;
    if (encoded != body || response.state != konnect::State::active) {
        std::cerr << "round trip changed the response: " << encoded.dump() << '\n';
        return 1;
    }
    std::cout << "decoded and encoded " << response << '\n';
    return 0;
}
