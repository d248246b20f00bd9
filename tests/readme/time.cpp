// The README's "Time": a token's lifetime at a given moment, and why a date-time was rejected.
#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <iostream>

void check_lifetime(const konnect::PersonalAccessTokenCreateResponse& response,
                    std::chrono::system_clock::time_point now) {  // in a service: std::chrono::system_clock::now()
    std::cout << std::boolalpha << "usable: " << response.is_usable(now) << ", expired: " << response.is_expired(now)
              << '\n';
    if (const auto left = response.time_until_expiry(now)) {  // nothing when expires_at is null: it never expires
        std::cout << "expires in " << std::chrono::duration_cast<std::chrono::hours>(*left).count() << " hours\n";
    }
    // A Timestamp compares with any system_clock time point by instant, for every year 0000 to 9999.
    if (response.expires_at && *response.expires_at < now) std::cout << "renew it\n";

    // Standalone values: from_string() says only whether the text is valid; parse() says what is wrong.
    try {
        const auto when = konnect::Timestamp::parse("2023-02-30T00:00:00Z");
        std::cout << when << '\n';
    } catch (const konnect::validation_error& error) {
        std::cout << error.problems().front().message << '\n';
    }
}

int main() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(
        R"({"id": "83f8380e-7798-4566-99e3-2edf2b57d289", "user_id": "84f8380e-7798-4566-99e3-2edf2b57d288",
            "name": "Development Token", "state": "ACTIVE",
            "konnect_token": "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",
            "created_at": "2023-01-01T00:00:00.000Z", "expires_at": "2024-01-01T00:00:00.000Z"})");
    check_lifetime(response, konnect::Timestamp::parse("2023-12-30T12:00:00Z").to_time_point());
}
