// Built twice into one program, each time against another version of the header (SIDE names the copy): each copy
// must see its own types, as a program that links two libraries vendoring two versions does.
#include <konnect/personal_access_token_create_response.hpp>

#include <string>
#include <typeinfo>

namespace SIDE {

// The name the compiler gives this copy's Uuid: it carries the version's inline namespace.
std::string uuid_type() { return typeid(konnect::Uuid).name(); }

// This copy decodes and prints Kong's example, with the token redacted.
std::string decoded() {
    const auto response = konnect::PersonalAccessTokenCreateResponse::parse(
        R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
        R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
        R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
        R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})");
    return response.name + " " + response.id.to_string();
}

}  // namespace SIDE
