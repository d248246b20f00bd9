// Decodes a PersonalAccessTokenCreateResponse and prints a summary, with the token redacted.
//
//   decode_response              the bundled examples/create_response.json
//   decode_response FILE         a response body saved to FILE
//   decode_response -            a response body on standard input
//   decode_response --help       this usage
//
// Exit status: 0 decoded, 1 the body is not a valid response (each problem is printed), 2 unreadable input or
// a wrong argument.

#include <konnect/personal_access_token_create_response.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

namespace {

constexpr const char* usage =
    "usage: decode_response [FILE | -]\n"
    "Decodes a PersonalAccessTokenCreateResponse body and prints it with the token redacted.\n"
    "  FILE   a response body saved to a file (default: the bundled sample response)\n"
    "  -      read the body from standard input\n"
    "Exit status: 0 decoded, 1 not a valid response, 2 unreadable input or a wrong argument.\n";

std::optional<std::string> read_all(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

// The body at `path` ("-": standard input), or why it cannot be read.
std::optional<std::string> read_input(const std::string& path, std::string& why_not) {
    if (path == "-") {
        auto body = read_all(std::cin);
        if (!body) why_not = "standard input failed";
        return body;
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        why_not = "it is a folder";
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        why_not = std::strerror(errno);
        return std::nullopt;
    }
    auto body = read_all(file);
    if (!body) why_not = "reading failed";
    return body;
}

// The text of the response as redacted_json writes it: the name, an unknown state and the names of unknown members
// can hold copies of the token, and there every run of it is [redacted]. Schema members come first, in schema order
// (ordered_json), then the unknown members.
std::string describe(const konnect::State& state, const nlohmann::ordered_json& shown) {
    switch (state) {
        case konnect::State::active:
            return "active";
        case konnect::State::revoked:
            return "revoked";
        case konnect::State::expired:
            return "expired";
        case konnect::State::unknown:
            break;
    }
    // A state Kong added after this program was written: show Kong's own word for it.
    return "\"" + shown.at("state").get<std::string>() + "\" (a state this program does not know)";
}

// Whether the token can be used at `now`, and if not, why: an active state is not enough on its own.
std::string usability(const konnect::PersonalAccessTokenCreateResponse& response,
                      std::chrono::system_clock::time_point now) {
    if (response.is_usable(now)) return "yes";
    if (response.revoked_at || response.revoked_by) return "no: it was revoked";
    if (response.is_expired(now)) return "no: it has expired";
    return "no: its state is not active";
}

std::string describe(const std::optional<konnect::Timestamp>& timestamp, const char* when_empty) {
    return timestamp ? timestamp->to_string() : when_empty;
}

void print_summary(const konnect::PersonalAccessTokenCreateResponse& response) {
    const auto shown = konnect::redacted_json<nlohmann::ordered_json>(response);
    std::cout << "Personal access token \"" << shown.at("name").get<std::string>() << "\"\n"
              << "  id          " << response.id << '\n'
              << "  user        " << response.user_id << '\n'
              << "  state       " << describe(response.state, shown) << '\n'
              << "  usable now  " << usability(response, std::chrono::system_clock::now()) << '\n'
              << "  token       " << response.konnect_token << " (" << response.konnect_token.size() << " characters)\n"
              << "  created     " << response.created_at << '\n'
              << "  updated     " << describe(response.updated_at, "not given") << '\n'
              << "  last used   " << describe(response.last_used_at, "never") << '\n'
              << "  expires     " << describe(response.expires_at, "never") << '\n'
              << "  revoked     " << describe(response.revoked_at, "no");
    if (response.revoked_by) std::cout << " by " << *response.revoked_by;
    std::cout << '\n';
    const std::size_t unknown = response.additional_properties.size();
    if (unknown > 0) {
        std::cout << "  also        " << unknown << " member(s) this schema does not name:";
        std::size_t schema_members = shown.size() - unknown;
        for (const auto& member : shown.items()) {
            if (schema_members > 0)
                --schema_members;
            else
                std::cout << ' ' << member.key();
        }
        std::cout << '\n';
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::string argument = argc > 1 ? argv[1] : "";
    if (argument == "--help" || argument == "-h") {
        std::cout << usage;
        return 0;
    }
    if (argc > 2 || (argument.size() > 1 && argument[0] == '-')) {
        std::cerr << "decode_response: unexpected argument " << (argc > 2 ? argv[2] : argument)
                  << " (decode_response --help shows the usage)\n";
        return 2;
    }
    const std::string path = argc > 1 ? argument : KONNECT_MODELS_EXAMPLE_RESPONSE;
    std::string why_not;
    const std::optional<std::string> body = read_input(path, why_not);
    if (!body) {
        std::cerr << "cannot read " << path << ": " << why_not << '\n';
        return 2;
    }
    try {
        print_summary(konnect::PersonalAccessTokenCreateResponse::parse(*body));
        return 0;
    } catch (const konnect::validation_error& error) {
        std::cerr << path << " is not a valid PersonalAccessTokenCreateResponse:\n";
        for (const konnect::Problem& problem : error.problems())
            std::cerr << "  " << problem << '\n';
        return 1;
    }
}
