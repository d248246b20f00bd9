// The README's "Logging": fmt, spdlog and JSON for logs, none of which shows the token.
#include <konnect/fmt.hpp>  // opt-in: a fmt::formatter for every type of the library; needs fmt
#include <konnect/personal_access_token_create_response.hpp>

#include <spdlog/spdlog.h>

#include <string>

void log_created(const konnect::PersonalAccessTokenCreateResponse& response) {
    spdlog::info("created {}", response);  // what operator<< prints: konnect_token: [redacted]
    spdlog::info("{} is {:<8}| expires {}", response.id, response.state, *response.expires_at);
    const std::string line = fmt::format("token {:>12}", response.konnect_token);  // "token   [redacted]"
    spdlog::info(line);

    // JSON for logs: the encoding with the token written as [redacted] (members in the schema's order here).
    spdlog::info(konnect::redacted_json<nlohmann::ordered_json>(response).dump());
    // Not for logs: nlohmann::json(response) is the wire form, and carries the token.
}

int main() {
    spdlog::set_pattern("%v");  // the message alone, so that the README can show what is written
    log_created(konnect::PersonalAccessTokenCreateResponse::parse(
        R"({"id": "83f8380e-7798-4566-99e3-2edf2b57d289", "user_id": "84f8380e-7798-4566-99e3-2edf2b57d288",
            "name": "Development Token", "state": "ACTIVE",
            "konnect_token": "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",
            "created_at": "2023-01-01T00:00:00.000Z", "expires_at": "2024-01-01T00:00:00.000Z"})"));
}
