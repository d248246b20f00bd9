// Deliberately wrong: this file exists to prove that the clang-tidy gate fails. It compiles cleanly,
// so the only thing clang-tidy can object to is the use of `token` after it was moved from
// (bugprone-use-after-move); if clang-tidy exits 0 on this file, the gate is not checking anything.
#include <konnect/personal_access_token_create_response.hpp>

#include <utility>

int main() {
    konnect::Secret token("kpat_example");
    const konnect::Secret kept = std::move(token);
    return token.empty() && !kept.empty() ? 0 : 1;
}
