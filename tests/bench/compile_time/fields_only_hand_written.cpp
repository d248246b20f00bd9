// fields_only, written by hand: fields_only_ours.cpp's program with the struct of ../hand_written.hpp, whose members
// are the texts themselves. It includes that header, JSON functions and all, as a user's file includes the header
// of the struct it uses, just as fields_only_ours.cpp includes the library's.
#include "../hand_written.hpp"

#include <iostream>

int main() {
    hand_written::Response response;
    response.id = "83f8380e-7798-4566-99e3-2edf2b57d289";
    response.user_id = "84f8380e-7798-4566-99e3-2edf2b57d288";
    response.name = "Development Token";
    response.state = "ACTIVE";
    response.konnect_token = "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv";
    response.created_at = "2023-01-01T00:00:00.000Z";
    response.updated_at = "2023-01-01T00:00:00.000Z";
    response.expires_at = "2024-01-01T00:00:00.000Z";
    std::cout << response.id << ' ' << response.user_id << ' ' << response.name << ' ' << response.state << ' '
              << response.konnect_token.size() << ' ' << response.created_at << ' ' << *response.expires_at << ' '
              << (response.revoked_at ? *response.revoked_at : "null") << '\n';
    return 0;
}
