// Test documents shared by the concerns: Kong's example body and small edits of it.
#ifndef KONNECT_MODELS_TESTS_DOCUMENTS_HPP
#define KONNECT_MODELS_TESTS_DOCUMENTS_HPP

#include <konnect/personal_access_token_create_response.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace documents {

/// Kong's example 201 body, byte for byte as the schema gives it.
inline constexpr std::string_view kong_example_text =
    R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
    R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
    R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
    R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})";

/// The token in Kong's example: no message or printed form may contain it.
inline constexpr std::string_view kong_example_token = "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv";

inline nlohmann::json kong_example() { return nlohmann::json::parse(kong_example_text); }

/// Kong's example with one member set to `value`.
inline nlohmann::json with_member(const std::string& key, nlohmann::json value) {
    nlohmann::json document = kong_example();
    document[key] = std::move(value);
    return document;
}

/// Kong's example without one member.
inline nlohmann::json without_member(const std::string& key) {
    nlohmann::json document = kong_example();
    document.erase(key);
    return document;
}

/// The pointers of the problems validate() finds, in order.
inline std::vector<std::string> problem_pointers(const nlohmann::json& document) {
    std::vector<std::string> pointers;
    for (const auto& problem : konnect::validate(document))
        pointers.push_back(problem.pointer);
    return pointers;
}

}  // namespace documents

#endif
