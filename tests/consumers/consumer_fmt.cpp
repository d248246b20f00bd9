// The program every consumer also builds where fmt is found: the opt-in header konnect/fmt.hpp, which needs fmt
// (and only it does), formats a response as operator<< prints it, the token redacted.
#include <konnect/fmt.hpp>

#include <fmt/format.h>

int main() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(
        R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
        R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
        R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
        R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})");
    fmt::print("formatted {}\n", response);
    return 0;
}
