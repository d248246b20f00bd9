// Links side.cpp built against two versions of the header: the copies' types must differ, and each copy must work.
#include <iostream>
#include <string>

namespace older {
std::string uuid_type();
std::string decoded();
}  // namespace older
namespace newer {
std::string uuid_type();
std::string decoded();
}  // namespace newer

int main() {
    std::cout << "older: " << older::uuid_type() << "\nnewer: " << newer::uuid_type() << '\n';
    if (older::uuid_type() == newer::uuid_type()) {
        std::cerr << "both copies of the header declare the same konnect::Uuid: one definition for two versions\n";
        return 1;
    }
    const std::string expected = "Development Token 83f8380e-7798-4566-99e3-2edf2b57d289";
    if (older::decoded() != expected || newer::decoded() != expected) {
        std::cerr << "a copy decodes Kong's example otherwise: " << older::decoded() << " / " << newer::decoded()
                  << '\n';
        return 1;
    }
    std::cout << "each copy of the header sees its own types\n";
    return 0;
}
