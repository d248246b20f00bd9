// What users write today with nlohmann_json, shared by the benchmark's baseline and the compile-time programs
// that stand for it (compile_time/*_hand_written.cpp), so that all of them measure the same code.
#ifndef KONNECT_MODELS_TESTS_BENCH_HAND_WRITTEN_HPP
#define KONNECT_MODELS_TESTS_BENCH_HAND_WRITTEN_HPP

#include "kong_body.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

// ---- The hand-written baseline --------------------------------------------------------------------------------
// What users write today with nlohmann_json: std::string members, at()/get_to, absent or null optional members
// read as std::nullopt, no validation of formats, requiredness or nullability beyond what get_to throws on.
namespace hand_written {
struct Response {
    std::string id;
    std::string user_id;
    std::string name;
    std::string state;
    std::string konnect_token;
    std::optional<std::string> revoked_by;
    std::string created_at;
    std::optional<std::string> updated_at;
    std::optional<std::string> last_used_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> revoked_at;
};

// nlohmann_json 3.11 has no std::optional support, so every hand-written decoder carries a helper like this one.
inline void get_optional(const nlohmann::json& j, const char* key, std::optional<std::string>& out) {
    const auto member = j.find(key);
    if (member == j.end() || member->is_null()) {
        out.reset();
    } else {
        out = member->get<std::string>();
    }
}

inline void from_json(const nlohmann::json& j, Response& response) {
    j.at("id").get_to(response.id);
    j.at("user_id").get_to(response.user_id);
    j.at("name").get_to(response.name);
    j.at("state").get_to(response.state);
    j.at("konnect_token").get_to(response.konnect_token);
    get_optional(j, "revoked_by", response.revoked_by);
    j.at("created_at").get_to(response.created_at);
    get_optional(j, "updated_at", response.updated_at);
    get_optional(j, "last_used_at", response.last_used_at);
    get_optional(j, "expires_at", response.expires_at);
    get_optional(j, "revoked_at", response.revoked_at);
}

// An initializer list for the members always written, then the optional ones that are set: the same document the
// library writes (expires_at always, null when empty; other empty members left out), so both encoders do the same
// work and main() checks that their texts are identical.
inline void to_json(nlohmann::json& j, const Response& response) {
    j = nlohmann::json{
        {"id", response.id},
        {"user_id", response.user_id},
        {"name", response.name},
        {"state", response.state},
        {"konnect_token", response.konnect_token},
        {"created_at", response.created_at},
        {"expires_at", response.expires_at ? nlohmann::json(*response.expires_at) : nlohmann::json(nullptr)},
    };
    if (response.revoked_by) j["revoked_by"] = *response.revoked_by;
    if (response.updated_at) j["updated_at"] = *response.updated_at;
    if (response.last_used_at) j["last_used_at"] = *response.last_used_at;
    if (response.revoked_at) j["revoked_at"] = *response.revoked_at;
}

// Prints the text the library's operator<< prints for the same response, so that the compile-time programs that
// print can be checked to do the same work: every member on one line in the schema's order, a missing optional
// member as `null`, the name quoted as JSON writes it, the token as `[redacted]`.
inline std::ostream& operator<<(std::ostream& os, const Response& response) {
    const auto optional = [&os](const char* key, const std::optional<std::string>& value) {
        os << ", " << key << ": " << (value ? *value : "null");
    };
    os << "PersonalAccessTokenCreateResponse{id: " << response.id << ", user_id: " << response.user_id
       << ", name: " << nlohmann::json(response.name).dump() << ", state: " << response.state
       << ", konnect_token: [redacted]";
    optional("revoked_by", response.revoked_by);
    os << ", created_at: " << response.created_at;
    optional("updated_at", response.updated_at);
    optional("last_used_at", response.last_used_at);
    optional("expires_at", response.expires_at);
    optional("revoked_at", response.revoked_at);
    return os << '}';
}
}  // namespace hand_written

#endif
