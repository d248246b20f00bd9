// Secret: the token. Reached only through reveal(), redacted when printed, wiped before its memory is released.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <array>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

// ------------------------------------------------------------------------------------------------
// Watching a release
//
// Whether Secret wipes its bytes *before* their memory is released can only be seen at the moment the
// memory is released, so this file replaces the global array allocation functions (Secret allocates
// with std::make_unique<char[]>, that is new[] and delete[]). The replacement is global for the whole
// test binary, other concerns' tests included, so it must behave exactly like the default for every
// other block: new[] takes memory from std::malloc (looping on the new-handler and throwing
// std::bad_alloc as the default does) and both delete[] forms give it back with std::free. Only when
// the block being released is the one a test armed does delete[] first copy its bytes into a static
// buffer; it allocates nothing and takes no lock, as Catch2 runs the tests on one thread.
// Valgrind puts its own new[] and delete[] in place of these unless run with
// --soname-synonyms=somalloc=nouserintercepts; without it the watch sees no release.
// ------------------------------------------------------------------------------------------------

namespace {

struct ReleaseWatch {
    const void* block = nullptr;  // the armed block; null when nothing is watched
    std::size_t size = 0;
    bool released = false;
    std::size_t copied = 0;
    std::array<unsigned char, 256> bytes{};  // the block's bytes when delete[] received it
};

ReleaseWatch release_watch;

void record_release(const void* block) noexcept {
    release_watch.copied =
        release_watch.size < release_watch.bytes.size() ? release_watch.size : release_watch.bytes.size();
    std::memcpy(release_watch.bytes.data(), block, release_watch.copied);
    release_watch.released = true;
    release_watch.block = nullptr;  // a later block at the same address is not the watched one
}

}  // namespace

void* operator new[](std::size_t size) {
    if (size == 0) size = 1;
    for (;;) {
        if (void* block = std::malloc(size)) return block;
        const std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) throw std::bad_alloc();
        handler();
    }
}

// GCC inlines this into delete-expressions, and then warns that std::free receives memory from operator
// new[]; that memory came from std::malloc in the operator new[] above, so the pairing is right.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete[](void* block) noexcept {
    if (block != nullptr && block == release_watch.block) record_release(block);
    std::free(block);
}
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic pop
#endif

void operator delete[](void* block, std::size_t /*size*/) noexcept { ::operator delete[](block); }

namespace {

using konnect::Secret;
using support::printed;

// Arms the watch on one block for its lifetime: what was in the block when delete[] received it.
class WatchedRelease {
  public:
    WatchedRelease(const void* block, std::size_t size) {
        REQUIRE(size <= release_watch.bytes.size());
        release_watch = ReleaseWatch{};
        release_watch.block = block;
        release_watch.size = size;
    }
    explicit WatchedRelease(const Secret& secret) : WatchedRelease(secret.reveal().data(), secret.size()) {}
    WatchedRelease(const WatchedRelease&) = delete;
    WatchedRelease& operator=(const WatchedRelease&) = delete;
    ~WatchedRelease() { release_watch = ReleaseWatch{}; }

    bool released() const noexcept { return release_watch.released; }

    /// How many of the block's bytes were not zero when it was released.
    std::size_t bytes_not_wiped() const noexcept {
        std::size_t count = 0;
        for (std::size_t i = 0; i < release_watch.copied; ++i) {
            if (release_watch.bytes[i] != 0) ++count;
        }
        return count;
    }
};

constexpr std::string_view token = documents::kong_example_token;
constexpr std::string_view other_token = "kpat_0ther0therOtherOtherOtherOtherOtherOtherOtherOthe";

}  // namespace

TEST_CASE("The release watch sees bytes that were not wiped", "[secret]") {
    // The instrument the wiping tests rely on: a block freed with its bytes intact is reported as such.
    constexpr std::size_t size = 16;
    char* block = new char[size];
    std::memset(block, 'k', size);
    WatchedRelease watch(block, size);
    delete[] block;
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == size);
}

TEST_CASE("A secret holds the value it was constructed from", "[secret]") {
    const std::string value =
        GENERATE(as<std::string>{}, token, "x", "caf\xC3\xA9 \xE2\x9C\x93", std::string_view("nul\0inside", 10));
    INFO("value: \"" << value << "\" (" << value.size() << " bytes)");

    const Secret secret(value);
    CHECK(secret.reveal() == value);
    CHECK(secret.size() == value.size());
    CHECK_FALSE(secret.empty());
}

TEST_CASE("A secret made from an empty string or by default is empty", "[secret]") {
    const Secret made_empty(std::string_view{});
    CHECK(made_empty.empty());
    CHECK(made_empty.size() == 0);
    CHECK(made_empty.reveal().empty());

    const Secret by_default;
    CHECK(by_default.empty());
    CHECK(by_default.size() == 0);
    CHECK(by_default.reveal().empty());
}

TEST_CASE("A secret owns its bytes rather than viewing the string it was made from", "[secret]") {
    std::string source(token);
    const Secret secret(source);
    CHECK(secret.reveal().data() != source.data());
    source.assign(source.size(), '*');
    CHECK(secret.reveal() == token);
}

TEST_CASE("The value of a secret is reached only through reveal", "[secret]") {
    // No conversion hands the value out, and a string does not silently become a secret.
    CHECK_FALSE(std::is_convertible_v<Secret, std::string_view>);
    CHECK_FALSE(std::is_convertible_v<Secret, std::string>);
    CHECK_FALSE(std::is_convertible_v<Secret, const char*>);
    CHECK_FALSE(std::is_constructible_v<std::string, Secret>);
    CHECK_FALSE(std::is_constructible_v<std::string_view, Secret>);
    CHECK_FALSE(std::is_convertible_v<std::string_view, Secret>);
    CHECK_FALSE(std::is_convertible_v<std::string, Secret>);
    CHECK(std::is_constructible_v<Secret, std::string_view>);
    CHECK(std::is_same_v<decltype(std::declval<const Secret&>().reveal()), std::string_view>);
}

TEST_CASE("A copy of a secret is equal and independent of the original", "[secret]") {
    std::optional<Secret> original(std::in_place, token);
    const Secret copy(*original);
    CHECK(copy.reveal() == token);
    CHECK(copy == *original);
    CHECK(copy.reveal().data() != original->reveal().data());

    *original = Secret(other_token);
    CHECK(copy.reveal() == token);
    original.reset();
    CHECK(copy.reveal() == token);
    CHECK(copy.size() == token.size());
}

TEST_CASE("Moving a secret leaves the source empty", "[secret]") {
    SECTION("move construction") {
        Secret source(token);
        const Secret moved(std::move(source));
        CHECK(moved.reveal() == token);
        CHECK(source.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is under test
        CHECK(source.size() == 0);
        CHECK(source.reveal().empty());
    }
    SECTION("move assignment") {
        Secret source(token);
        Secret target(other_token);
        target = std::move(source);
        CHECK(target.reveal() == token);
        CHECK(source.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is under test
        CHECK(source.reveal().empty());
    }
}

TEST_CASE("Assigning a secret gives the target the assigned value", "[secret]") {
    SECTION("copy assignment over a value") {
        Secret target(other_token);
        const Secret source(token);
        target = source;
        CHECK(target.reveal() == token);
        CHECK(source.reveal() == token);
        CHECK(target.reveal().data() != source.reveal().data());
    }
    SECTION("copy assignment over an empty secret") {
        Secret target;
        const Secret source(token);
        target = source;
        CHECK(target.reveal() == token);
    }
    SECTION("assigning an empty secret empties the target") {
        Secret target(token);
        const Secret source;
        target = source;
        CHECK(target.empty());
        CHECK(target.reveal().empty());
    }
    SECTION("self copy assignment keeps the value") {
        Secret target(token);
        const Secret& same = target;
        target = same;
        CHECK(target.reveal() == token);
        CHECK(target.size() == token.size());
    }
    SECTION("self move assignment keeps the value") {
        Secret target(token);
        Secret& same = target;
        target = std::move(same);
        CHECK(target.reveal() == token);
        CHECK(target.size() == token.size());
    }
}

TEST_CASE("Secrets are equal exactly when their contents are", "[secret]") {
    const auto [left, right, equal] = GENERATE(table<std::string_view, std::string_view, bool>({
        {"kpat_abc", "kpat_abc", true},
        {"kpat_abc", "kpat_abd", false},
        {"kpat_abc", "kpat_abcd", false},
        {"kpat_abc", "kpat_", false},
        {"kpat_abc", "kpat_ab", false},
        {"", "", true},
        {"", "k", false},
        {"", "kpat_abc", false},
        {"a", "b", false},
        {std::string_view("a\0b", 3), std::string_view("a\0c", 3), false},
    }));
    INFO("left: \"" << std::string(left) << "\" right: \"" << std::string(right) << "\" expected equal: " << equal);

    const Secret a(left);
    const Secret b(right);
    CHECK((a == b) == equal);
    CHECK((b == a) == equal);
    CHECK((a != b) == !equal);
    CHECK((b != a) == !equal);
}

TEST_CASE("Secret equality finds a difference wherever it lies", "[secret]") {
    // The comparison visits every byte whatever the contents; what can be checked is that it is right
    // whichever byte differs.
    const std::size_t position =
        GENERATE(std::size_t{0}, std::size_t{1}, token.size() / 2, token.size() - 2, token.size() - 1);
    std::string changed(token);
    changed[position] = changed[position] == 'Z' ? 'Y' : 'Z';
    INFO("difference at byte " << position << " of " << token.size());

    const Secret original(token);
    const Secret different(changed);
    CHECK_FALSE(original == different);
    CHECK_FALSE(different == original);
    CHECK(original != different);
    CHECK(original == Secret(token));
}

TEST_CASE("A secret prints as redacted and never as its value", "[secret]") {
    const std::string value = GENERATE(as<std::string>{}, token, "hunter2", "");
    INFO("value size: " << value.size());

    const Secret secret(value);
    const std::string text = printed(secret);
    CHECK(text == "[redacted]");
    CHECK((value.empty() || text.find(value) == std::string::npos));
}

TEST_CASE("A secret is written to JSON as its real value", "[secret]") {
    const Secret secret(token);
    const nlohmann::json written = secret;
    REQUIRE(written.is_string());
    CHECK(written.get<std::string>() == token);

    const nlohmann::ordered_json written_ordered = secret;
    CHECK(written_ordered.get<std::string>() == token);

    const nlohmann::json empty = Secret();
    CHECK(empty == nlohmann::json(""));
}

TEST_CASE("A secret is read from a JSON string", "[secret]") {
    const std::string value = GENERATE(as<std::string>{}, token, "x", "");
    INFO("value: \"" << value << "\"");

    const Secret read = nlohmann::json(value).get<Secret>();
    CHECK(read.reveal() == value);
    CHECK(read.size() == value.size());

    const nlohmann::json written = read;
    CHECK(written == nlohmann::json(value));
}

TEST_CASE("Reading a secret from JSON that is not a string throws a validation error", "[secret]") {
    const auto [document, kind] = GENERATE(table<nlohmann::json, konnect::ProblemKind>({
        {nlohmann::json(42), konnect::ProblemKind::wrong_type},
        {nlohmann::json(false), konnect::ProblemKind::wrong_type},
        {nlohmann::json(nullptr), konnect::ProblemKind::null_not_allowed},
        {nlohmann::json::object({{"konnect_token", "kpat_x"}}), konnect::ProblemKind::wrong_type},
        {nlohmann::json::array({"kpat_x"}), konnect::ProblemKind::wrong_type},
    }));
    INFO("document: " << document.dump());

    CHECK_THROWS_AS(document.get<Secret>(), konnect::validation_error);
    CHECK_THROWS_AS(document.get<Secret>(), nlohmann::json::exception);

    support::check_one_root_problem_reading<Secret>(document, kind);
}

TEST_CASE("The bytes of a secret are wiped before its memory is released on destruction", "[secret]") {
    std::optional<Secret> secret(std::in_place, token);
    REQUIRE(secret->reveal() == token);
    WatchedRelease watch(*secret);

    secret.reset();
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
}

TEST_CASE("Copy assignment wipes the value it replaces before releasing it", "[secret]") {
    Secret target(token);
    const Secret source(other_token);
    WatchedRelease watch(target);

    target = source;
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
    CHECK(target.reveal() == other_token);
}

TEST_CASE("Move assignment wipes the value it replaces before releasing it", "[secret]") {
    Secret target(token);
    Secret source(other_token);
    WatchedRelease watch(target);

    target = std::move(source);
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
    CHECK(target.reveal() == other_token);
}

TEST_CASE("Self assignment releases no unwiped copy of the value", "[secret]") {
    Secret target(token);
    const Secret& same = target;
    WatchedRelease watch(target);

    target = same;
    CHECK(target.reveal() == token);
    // Keeping the buffer is fine; releasing it (as copy-and-swap does) must wipe it first.
    INFO("old buffer released: " << watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
}

TEST_CASE("A move hands the buffer over and leaves no copy behind", "[secret]") {
    SECTION("move construction") {
        std::optional<Secret> source(std::in_place, token);
        const char* const buffer = source->reveal().data();
        WatchedRelease watch(*source);

        std::optional<Secret> moved(std::in_place, std::move(*source));
        CHECK(moved->reveal().data() == buffer);
        CHECK(moved->reveal() == token);
        CHECK_FALSE(watch.released());

        source.reset();
        CHECK_FALSE(watch.released());  // the moved-from secret no longer owns the buffer

        moved.reset();
        CHECK(watch.released());
        CHECK(watch.bytes_not_wiped() == 0);
    }
    SECTION("move assignment") {
        Secret source(token);
        const char* const buffer = source.reveal().data();
        Secret target(other_token);

        target = std::move(source);
        CHECK(target.reveal().data() == buffer);
        CHECK(target.reveal() == token);
    }
}
