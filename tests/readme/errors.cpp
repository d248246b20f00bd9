// The README's "Errors and problems": a body with three problems, and what a program that lists them prints.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>
#include <string_view>

// An id one digit short, updated_at null where the schema does not allow it, expires_at missing.
constexpr std::string_view body = R"({
  "id": "83f8380e-7798-4566-99e3-2edf2b57d28",
  "user_id": "84f8380e-7798-4566-99e3-2edf2b57d288",
  "name": "Development Token",
  "state": "ACTIVE",
  "konnect_token": "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",
  "created_at": "2023-01-01T00:00:00.000Z",
  "updated_at": null
})";

int main() {
    try {
        const auto response = konnect::PersonalAccessTokenCreateResponse::parse(body);
        std::cout << response << '\n';
    } catch (const konnect::validation_error& error) {
        for (const konnect::Problem& problem : error.problems()) {
            std::cerr << problem.pointer << ": " << problem.message << '\n';  // or just: std::cerr << problem
        }
    }
}
