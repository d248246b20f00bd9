// Builds a PersonalAccessTokenCreateResponse in code and writes its JSON: a fixture a test server
// can answer `POST /v3/users/{userId}/access-tokens` with.
//
//   build_response               writes the fixture's JSON to standard output
//   build_response --help        this usage
//
// Exit status: 0 written, 2 a wrong argument.

#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    using namespace std::chrono_literals;

    if (argc > 1) {
        const std::string_view argument = argv[1];
        if (argument == "--help" || argument == "-h") {
            std::cout
                << "usage: build_response\n"
                   "Writes a PersonalAccessTokenCreateResponse built in code as JSON, members in the schema's order.\n";
            return 0;
        }
        std::cerr << "build_response: unexpected argument " << argument << " (build_response takes none)\n";
        return 2;
    }

    // Fixed values keep the fixture reproducible; a server would use fresh ones.
    const auto created = konnect::Timestamp::from_string("2025-06-01T09:30:00.000Z").value();
    const auto expires = konnect::Timestamp::from_time_point(created.to_time_point() + 24h * 90);

    konnect::PersonalAccessTokenCreateResponse response;
    response.id = konnect::Uuid::from_string("5f9fd312-a987-4628-b4c5-bb4f4fddd5f7").value();
    response.user_id = konnect::Uuid::from_string("84f8380e-7798-4566-99e3-2edf2b57d288").value();
    response.name = "CI fixture token";
    response.state = konnect::State::active;
    response.konnect_token = konnect::Secret("kpat_FixtureTokenForTestServersOnly0000000000000000000");
    response.created_at = created;
    response.updated_at = created;
    response.expires_at = expires;

    const nlohmann::ordered_json body = response;  // members in the schema's order
    std::cout << body.dump(2) << '\n';
}
