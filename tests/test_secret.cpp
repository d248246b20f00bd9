// Secret: the token. Reached only through reveal(), redacted when printed, wiped before its memory is released.
#include "catch.hpp"
#include "replaced_allocation.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// malloc_usable_size: how many bytes a released block has, for the token scan (glibc).
#if defined(__has_include)
#if __has_include(<malloc.h>) && defined(__GLIBC__)
#include <malloc.h>
#define KONNECT_MODELS_TESTS_HAVE_USABLE_SIZE 1
#endif
// Valgrind's client requests: they do nothing unless the program runs under valgrind.
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define KONNECT_MODELS_TESTS_HAVE_MEMCHECK 1
#endif
#endif

// ------------------------------------------------------------------------------------------------
// Watching a release
//
// Whether a copy of the token is wiped *before* its memory is released can only be seen at the moment the
// memory is released, so this file replaces every form of the global allocation functions (replaced_allocation.hpp:
// Secret allocates with new[], std::string and nlohmann_json's values with new; the nothrow forms are replaced too
// because valgrind otherwise puts its own in their place, which Catch2 then calls). The replacement is global for
// the whole test binary, other concerns' tests included, and behaves exactly like the default for every block.
// Before a block goes back, two watches may look at it; neither allocates nor takes a lock, as Catch2 runs the
// tests on one thread:
//   - release_watch, armed on one block: its bytes are copied into a static buffer (what Secret left in it);
//   - token_scan, armed with needles: every block released is searched for them, up to the size that
//     malloc_usable_size gives (glibc). Under valgrind the bytes a block's owner never wrote are undefined:
//     reading them here is on purpose, and marked as such.
// Valgrind puts its own allocation functions in place of these unless run with
// --soname-synonyms=somalloc=nouserintercepts; without it the watches see no release, and the instrument tests
// below fail rather than let the others pass for want of seeing anything.
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

struct TokenScan {
    std::array<std::string_view, 2> needles{};  // none when not armed
    std::size_t blocks_released = 0;
    std::size_t blocks_holding_needle = 0;  // blocks holding one of the needles or more
};

TokenScan token_scan;

void scan_release(void* block) noexcept {
#if KONNECT_MODELS_TESTS_HAVE_USABLE_SIZE
    const std::size_t size = malloc_usable_size(block);
#if KONNECT_MODELS_TESTS_HAVE_MEMCHECK
    VALGRIND_MAKE_MEM_DEFINED(block, size);
#endif
    ++token_scan.blocks_released;
    const std::string_view bytes(static_cast<const char*>(block), size);
    for (const std::string_view needle : token_scan.needles) {
        if (!needle.empty() && bytes.find(needle) != std::string_view::npos) {
            ++token_scan.blocks_holding_needle;
            return;
        }
    }
#else
    static_cast<void>(block);
#endif
}

}  // namespace

// While the token scan is armed, a new block starts zeroed: std::malloc may hand out memory that held the token
// for an earlier test, and the scan must see only what the code under test wrote.
void replaced_allocation::on_allocate(void* block) noexcept {
#if KONNECT_MODELS_TESTS_HAVE_USABLE_SIZE
    if (!token_scan.needles[0].empty()) std::memset(block, 0, malloc_usable_size(block));
#else
    static_cast<void>(block);
#endif
}

void replaced_allocation::on_release(void* block) noexcept {
    if (block == release_watch.block) record_release(block);
    if (!token_scan.needles[0].empty()) scan_release(block);
}

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

constexpr std::string_view secret_value = documents::kong_example_token;
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
        GENERATE(as<std::string>{}, secret_value, "x", "caf\xC3\xA9 \xE2\x9C\x93", std::string_view("nul\0inside", 10));
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
    std::string source(secret_value);
    const Secret secret(source);
    CHECK(secret.reveal().data() != source.data());
    source.assign(source.size(), '*');
    CHECK(secret.reveal() == secret_value);
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
    std::optional<Secret> original(std::in_place, secret_value);
    const Secret copy(*original);
    CHECK(copy.reveal() == secret_value);
    CHECK(copy == *original);
    CHECK(copy.reveal().data() != original->reveal().data());

    *original = Secret(other_token);
    CHECK(copy.reveal() == secret_value);
    original.reset();
    CHECK(copy.reveal() == secret_value);
    CHECK(copy.size() == secret_value.size());
}

TEST_CASE("Moving a secret leaves the source empty", "[secret]") {
    SECTION("move construction") {
        Secret source(secret_value);
        const Secret moved(std::move(source));
        CHECK(moved.reveal() == secret_value);
        CHECK(source.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is under test
        CHECK(source.size() == 0);
        CHECK(source.reveal().empty());
    }
    SECTION("move assignment") {
        Secret source(secret_value);
        Secret target(other_token);
        target = std::move(source);
        CHECK(target.reveal() == secret_value);
        CHECK(source.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is under test
        CHECK(source.reveal().empty());
    }
}

TEST_CASE("Assigning a secret gives the target the assigned value", "[secret]") {
    SECTION("copy assignment over a value") {
        Secret target(other_token);
        const Secret source(secret_value);
        target = source;
        CHECK(target.reveal() == secret_value);
        CHECK(source.reveal() == secret_value);
        CHECK(target.reveal().data() != source.reveal().data());
    }
    SECTION("copy assignment over an empty secret") {
        Secret target;
        const Secret source(secret_value);
        target = source;
        CHECK(target.reveal() == secret_value);
    }
    SECTION("assigning an empty secret empties the target") {
        Secret target(secret_value);
        const Secret source;
        target = source;
        CHECK(target.empty());
        CHECK(target.reveal().empty());
    }
    SECTION("self copy assignment keeps the value") {
        Secret target(secret_value);
        const Secret& same = target;
        target = same;
        CHECK(target.reveal() == secret_value);
        CHECK(target.size() == secret_value.size());
    }
    SECTION("self move assignment keeps the value") {
        Secret target(secret_value);
        Secret& same = target;
        target = std::move(same);
        CHECK(target.reveal() == secret_value);
        CHECK(target.size() == secret_value.size());
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
    const std::size_t position = GENERATE(std::size_t{0}, std::size_t{1}, secret_value.size() / 2,
                                          secret_value.size() - 2, secret_value.size() - 1);
    std::string changed(secret_value);
    changed[position] = changed[position] == 'Z' ? 'Y' : 'Z';
    INFO("difference at byte " << position << " of " << secret_value.size());

    const Secret original(secret_value);
    const Secret different(changed);
    CHECK_FALSE(original == different);
    CHECK_FALSE(different == original);
    CHECK(original != different);
    CHECK(original == Secret(secret_value));
}

TEST_CASE("A secret prints as redacted and never as its value", "[secret]") {
    const std::string value = GENERATE(as<std::string>{}, secret_value, "hunter2", "");
    INFO("value size: " << value.size());

    const Secret secret(value);
    const std::string text = printed(secret);
    CHECK(text == "[redacted]");
    CHECK((value.empty() || text.find(value) == std::string::npos));
}

TEST_CASE("A secret is written to JSON as its real value", "[secret]") {
    const Secret secret(secret_value);
    const nlohmann::json written = secret;
    REQUIRE(written.is_string());
    CHECK(written.get<std::string>() == secret_value);

    const nlohmann::ordered_json written_ordered = secret;
    CHECK(written_ordered.get<std::string>() == secret_value);

    const nlohmann::json empty = Secret();
    CHECK(empty == nlohmann::json(""));
}

TEST_CASE("A secret is read from a JSON string", "[secret]") {
    const std::string value = GENERATE(as<std::string>{}, secret_value, "x", "");
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
    std::optional<Secret> secret(std::in_place, secret_value);
    REQUIRE(secret->reveal() == secret_value);
    WatchedRelease watch(*secret);

    secret.reset();
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
}

TEST_CASE("Copy assignment wipes the value it replaces before releasing it", "[secret]") {
    Secret target(secret_value);
    const Secret source(other_token);
    WatchedRelease watch(target);

    target = source;
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
    CHECK(target.reveal() == other_token);
}

TEST_CASE("Move assignment wipes the value it replaces before releasing it", "[secret]") {
    Secret target(secret_value);
    Secret source(other_token);
    WatchedRelease watch(target);

    target = std::move(source);
    CHECK(watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
    CHECK(target.reveal() == other_token);
}

TEST_CASE("Self assignment releases no unwiped copy of the value", "[secret]") {
    Secret target(secret_value);
    const Secret& same = target;
    WatchedRelease watch(target);

    target = same;
    CHECK(target.reveal() == secret_value);
    // Keeping the buffer is fine; releasing it (as copy-and-swap does) must wipe it first.
    INFO("old buffer released: " << watch.released());
    CHECK(watch.bytes_not_wiped() == 0);
}

TEST_CASE("A move hands the buffer over and leaves no copy behind", "[secret]") {
    SECTION("move construction") {
        std::optional<Secret> source(std::in_place, secret_value);
        const char* const buffer = source->reveal().data();
        WatchedRelease watch(*source);

        std::optional<Secret> moved(std::in_place, std::move(*source));
        CHECK(moved->reveal().data() == buffer);
        CHECK(moved->reveal() == secret_value);
        CHECK_FALSE(watch.released());

        source.reset();
        CHECK_FALSE(watch.released());  // the moved-from secret no longer owns the buffer

        moved.reset();
        CHECK(watch.released());
        CHECK(watch.bytes_not_wiped() == 0);
    }
    SECTION("move assignment") {
        Secret source(secret_value);
        const char* const buffer = source.reveal().data();
        Secret target(other_token);

        target = std::move(source);
        CHECK(target.reveal().data() == buffer);
        CHECK(target.reveal() == secret_value);
    }
}

// ------------------------------------------------------------------------------------------------
// Copies of the token the library makes: none is released unwiped
// ------------------------------------------------------------------------------------------------

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;

// What the token scan saw while an action ran.
struct Releases {
    std::size_t blocks = 0;         // released
    std::size_t holding_token = 0;  // released with the whole token still in them
};

// Runs `action` with the token scan armed on `needles` (by default the whole token), which must not live in a block
// released meanwhile: the token is in static storage, other needles on the test's stack. The checks run after the
// scan is disarmed.
template <typename Action>
Releases releases_while(Action action, std::array<std::string_view, 2> needles = {secret_value, {}}) {
    token_scan = TokenScan{};
    token_scan.needles = needles;
    try {
        action();
    } catch (...) {
        token_scan = TokenScan{};
        throw;
    }
    const Releases seen{token_scan.blocks_released, token_scan.blocks_holding_needle};
    token_scan = TokenScan{};
    return seen;
}

constexpr bool token_scan_works = KONNECT_MODELS_TESTS_HAVE_USABLE_SIZE + 0 != 0;

// Where a test's heap copy of the token escapes to, so that the compiler cannot leave the allocation out.
const void* volatile escaped_block = nullptr;

// Kong's example with one more member, unknown, after the token: a string longer than the token, which parse()
// builds into additional_properties.
std::string example_ending_in_a_long_string() {
    return documents::kong_example_text_plus(R"(,"note":")" + std::string(secret_value.size() + 8, 'n') + '"');
}

}  // namespace

TEST_CASE("The token scan sees a block released with the token still in it", "[secret]") {
    // The instrument the tests below rely on: a released copy of the token is found, whoever frees it.
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    const Releases seen = releases_while([] {
        const std::string copy(secret_value);  // longer than the small-string buffer: one block on the heap
        escaped_block = copy.data();
    });
    CHECK(seen.blocks >= 1);
    CHECK(seen.holding_token == 1);
}

TEST_CASE("Parsing releases no block that still holds the token", "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // parse() wipes the copy it decodes of a token written with escapes, also when a malformed text stops it inside
    // the token or the copy needs a larger buffer, and the Secret a repeated konnect_token replaces; the response's
    // Secret wipes its own when the response is destroyed, within the scan.
    const std::string ending_in_a_long_string = example_ending_in_a_long_string();
    const std::string repeating_the_token =
        documents::kong_example_text_plus(R"(,"konnect_token":")" + std::string(secret_value.size() + 8, 'k') + '"');
    const std::string with_escapes = documents::example_with("kpat_", R"(\u006bpat\u005f)");
    const std::string stopped_in_the_token = with_escapes.substr(0, with_escapes.find("Srv") + 3) + R"(\x)";
    // A longer string with escapes after the token: parse() needs more room for it than the token left.
    const std::string then_a_longer_escape =
        with_escapes.substr(0, with_escapes.size() - 1) + R"(,"note":"\u006e)" + std::string(200, 'n') + "\"}";
    for (const std::string& text :
         {ending_in_a_long_string, repeating_the_token, with_escapes, stopped_in_the_token, then_a_longer_escape}) {
        INFO("text: " << text);
        // The token but its first byte, which a string that is cleared overwrites with its end.
        const Releases seen = releases_while(
            [&text] {
                try {
                    static_cast<void>(Response::parse(text));
                } catch (const konnect::validation_error& error) {
                    CHECK(error.id == konnect::validation_error::malformed_text);
                }
            },
            {secret_value.substr(1), {}});
        CHECK(seen.blocks > 0);
        CHECK(seen.holding_token == 0);
    }
}

TEST_CASE("Decoding a DOM releases no block that still holds the token", "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // The DOM is the caller's, with its copy of the token, released after the scan; get<>() itself leaves none.
    const nlohmann::json document = documents::kong_example();
    const Releases seen = releases_while([&document] { static_cast<void>(document.get<Response>()); });
    CHECK(seen.blocks > 0);
    CHECK(seen.holding_token == 0);
}

TEST_CASE("Copying, moving, assigning and destroying responses releases no block that still holds the token",
          "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    const Response original = documents::kong_example().get<Response>();
    std::optional<Response> assigned(std::in_place, documents::kong_example().get<Response>());
    const Releases seen = releases_while([&original, &assigned] {
        Response copy = original;
        Response moved = std::move(copy);
        *assigned = moved;
        *assigned = std::move(moved);
        assigned.reset();
    });
    CHECK(seen.blocks > 0);
    CHECK(seen.holding_token == 0);
}

TEST_CASE("Printing a response releases no block that still holds the token", "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // Printing checks the name, an unknown state and unknown members' names against the token; that must not leave
    // a copy of the token behind in freed memory.
    const Response response = documents::kong_example().get<Response>();
    std::string text;
    const Releases seen = releases_while([&response, &text] { text = printed(response); });
    CHECK(seen.blocks > 0);
    CHECK(seen.holding_token == 0);
    CHECK(support::token_fragment_in(text).empty());
}

TEST_CASE("Rejecting a document releases no block that still holds the token", "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // A problem that quotes a found string is checked against the token first; that must not leave a copy of the
    // token behind in freed memory, in parse() nor in get<>() from a DOM.
    std::string text = example_ending_in_a_long_string();
    text.replace(text.find("83f8380e"), 8, "not-uuid");
    const nlohmann::json document = nlohmann::json::parse(text);
    bool parse_rejected = false;
    const Releases parsing = releases_while([&text, &parse_rejected] {
        parse_rejected =
            support::validation_error_from([&text] { static_cast<void>(Response::parse(text)); }).has_value();
    });
    CHECK(parse_rejected);
    CHECK(parsing.blocks > 0);
    CHECK(parsing.holding_token == 0);
    bool get_rejected = false;
    const Releases decoding = releases_while(
        [&document, &get_rejected] { get_rejected = support::reading_error<Response>(document).has_value(); });
    CHECK(get_rejected);
    CHECK(decoding.blocks > 0);
    CHECK(decoding.holding_token == 0);
}

TEST_CASE("Rejecting a document whose other member holds the token releases no block that still holds it", "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // The id that does not read is kept for its problem, and quoted to be checked against the token, whether parse()
    // builds unknown members or not.
    const std::string id = "83f8380e-7798-4566-99e3-2edf2b57d289";
    std::string plain(documents::kong_example_text);
    REQUIRE(plain.find(id) != std::string::npos);
    plain.replace(plain.find(id), id.size(), secret_value);
    std::string with_unknown_member = example_ending_in_a_long_string();
    with_unknown_member.replace(with_unknown_member.find(id), id.size(), secret_value);
    for (const std::string& text : {plain, with_unknown_member}) {
        INFO("text: " << text);
        bool rejected = false;
        const Releases seen = releases_while([&text, &rejected] {
            rejected =
                support::validation_error_from([&text] { static_cast<void>(Response::parse(text)); }).has_value();
        });
        CHECK(rejected);
        CHECK(seen.blocks > 0);
        CHECK(seen.holding_token == 0);
    }
}

TEST_CASE(
    "Printing, parsing or rejecting a document releases no block holding eight bytes of the token in either order",
    "[secret]") {
    if (!token_scan_works) {
        WARN("no malloc_usable_size on this platform: the token scan is not available");
        return;
    }
    // Stricter than the whole token: no run of it either, as it is or packed into an integer, which a little-endian
    // machine stores byte-reversed.
    std::array<char, 8> in_order{};
    std::array<char, 8> reversed{};
    std::copy_n(secret_value.begin(), in_order.size(), in_order.begin());
    std::reverse_copy(in_order.begin(), in_order.end(), reversed.begin());
    const std::array<std::string_view, 2> runs{std::string_view(in_order.data(), in_order.size()),
                                               std::string_view(reversed.data(), reversed.size())};

    const Response response = documents::kong_example().get<Response>();
    std::string text;
    const Releases printing = releases_while([&response, &text] { text = printed(response); }, runs);
    CHECK(printing.blocks > 0);
    CHECK(printing.holding_token == 0);

    const nlohmann::json document = documents::with_member("id", "not-a-uuid");
    bool rejected = false;
    const Releases decoding = releases_while(
        [&document, &rejected] { rejected = support::reading_error<Response>(document).has_value(); }, runs);
    CHECK(rejected);
    CHECK(decoding.blocks > 0);
    CHECK(decoding.holding_token == 0);

    // parse(), of a text whose token has escapes, so that it is decoded, and whose id does not read.
    std::string escaped = documents::example_with("kpat_", R"(\u006bpat\u005f)");
    escaped.replace(escaped.find("83f8380e"), 8, "not-uuid");
    bool parse_rejected = false;
    const Releases parsing = releases_while(
        [&escaped, &parse_rejected] {
            parse_rejected =
                support::validation_error_from([&escaped] { static_cast<void>(Response::parse(escaped)); }).has_value();
        },
        runs);
    CHECK(parse_rejected);
    CHECK(parsing.blocks > 0);
    CHECK(parsing.holding_token == 0);
}

// ------------------------------------------------------------------------------------------------
// Comparison that does not return early
// ------------------------------------------------------------------------------------------------

namespace {

// Memcheck's client requests (the ctgrind technique): bytes marked undefined that decide a branch, or an address,
// make memcheck report "Conditional jump or move depends on uninitialised value(s)", so a comparison whose time
// depends on the bytes compared shows up as an error. Outside valgrind these do nothing.
void mark_undefined(const Secret& secret) {
#if KONNECT_MODELS_TESTS_HAVE_MEMCHECK
    VALGRIND_MAKE_MEM_UNDEFINED(secret.reveal().data(), secret.size());
#else
    static_cast<void>(secret);
#endif
}

void mark_defined(const void* data, std::size_t size) {
#if KONNECT_MODELS_TESTS_HAVE_MEMCHECK
    VALGRIND_MAKE_MEM_DEFINED(data, size);
#else
    static_cast<void>(data);
    static_cast<void>(size);
#endif
}

// How many errors memcheck has reported so far; 0 outside valgrind.
unsigned memcheck_errors() {
#if KONNECT_MODELS_TESTS_HAVE_MEMCHECK
    return VALGRIND_COUNT_ERRORS;
#else
    return 0;
#endif
}

}  // namespace

TEST_CASE("Comparing secrets takes no branch on their bytes", "[secret]") {
    // Under valgrind's memcheck both secrets' bytes are undefined while they are compared: any branch on them is an
    // error that memcheck counts (and reports), and this test fails. The sizes stay defined: the time may depend on
    // them. Outside valgrind the test checks the results only.
    const std::string same_value(secret_value);
    std::string first_byte_differs(secret_value);
    first_byte_differs.front() = 'K';
    std::string last_byte_differs(secret_value);
    last_byte_differs.back() = 'V';
    const std::string shorter(secret_value.substr(0, 20));
    struct Case {
        std::string_view left;
        std::string_view right;
        bool equal;
    };
    const std::vector<Case> cases{{secret_value, same_value, true},         {secret_value, first_byte_differs, false},
                                  {secret_value, last_byte_differs, false}, {secret_value, other_token, false},
                                  {secret_value, shorter, false},           {shorter, secret_value, false}};
    for (const auto& example : cases) {
        INFO("comparing " << example.left.size() << " bytes with " << example.right.size() << " bytes, "
                          << (example.equal ? "equal" : "different"));
        const Secret a(example.left);
        const Secret b(example.right);
        const unsigned errors_before = memcheck_errors();
        mark_undefined(a);
        mark_undefined(b);
        bool same = a == b;
        bool different = a != b;
        mark_defined(&same, sizeof same);
        mark_defined(&different, sizeof different);
        mark_defined(a.reveal().data(), a.size());
        mark_defined(b.reveal().data(), b.size());
        CHECK(memcheck_errors() == errors_before);
        CHECK(same == example.equal);
        CHECK(different == !example.equal);
    }
}

// ------------------------------------------------------------------------------------------------
// No report shows the token, whatever kind of problem
// ------------------------------------------------------------------------------------------------

namespace {

// The first run of eight bytes of `secret` (all of it when shorter) that `text` shows; empty when there is none.
std::string run_of(std::string_view secret, std::string_view text) {
    const std::size_t run = std::min<std::size_t>(8, secret.size());
    for (std::size_t at = 0; run != 0 && at + run <= secret.size(); ++at) {
        if (support::contains(text, secret.substr(at, run))) return std::string(secret.substr(at, run));
    }
    return {};
}

// Checks that nothing `error` shows (what(), each problem's pointer and message, each problem printed) holds a run
// of the token, and returns the kinds of its problems.
std::vector<konnect::ProblemKind> check_error_shows_no_token(const konnect::validation_error& error) {
    INFO("what(): " << support::printable(error.what()));
    CHECK(run_of(secret_value, error.what()).empty());
    for (const auto& problem : error.problems()) {
        INFO("problem: " << support::printable(to_string(problem)));
        CHECK(run_of(secret_value, problem.pointer).empty());
        CHECK(run_of(secret_value, problem.message).empty());
        CHECK(run_of(secret_value, printed(problem)).empty());
    }
    return support::problem_kinds(error.problems());
}

// The token escaped as JSON may write it: every character as \u00XX, which decodes to the very same token.
std::string token_fully_escaped() {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string escaped;
    for (const char c : secret_value) {
        escaped += "\\u00";
        escaped += digits[static_cast<unsigned char>(c) >> 4U];
        escaped += digits[static_cast<unsigned char>(c) & 0x0FU];
    }
    return escaped;
}

}  // namespace

TEST_CASE("No error text, problem or printed form shows eight bytes of the token whatever the kind of problem",
          "[secret]") {
    // Each document puts the token, or part of it, where a report of its problem could show it: every kind of
    // problem is provoked at least once, by parse(), by get<>() from a DOM where the text is JSON, and by encoding.
    using konnect::ProblemKind;
    const std::string body(documents::kong_example_text);
    const std::string quoted = '"' + std::string(secret_value) + '"';
    const std::size_t token_end = body.find(secret_value) + secret_value.size();
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    const auto with = [](std::string text, std::string_view from, std::string_view to) {
        REQUIRE(text.find(from) != std::string::npos);
        return text.replace(text.find(from), from.size(), to);
    };
    const auto plus = [](const std::string& text, std::string_view members) {
        return text.substr(0, text.size() - 1) + std::string(members) + "}";
    };
    std::set<ProblemKind> kinds_seen;

    struct Rejected {
        std::string description;
        std::string text;
        ProblemKind kind;
    };
    const std::vector<Rejected> rejected{
        {"the text cut inside the token", body.substr(0, body.find(secret_value) + 30), ProblemKind::malformed_json},
        {"the text cut right after the token", body.substr(0, token_end), ProblemKind::malformed_json},
        {"a raw control character right after the token", body.substr(0, token_end) + '\x01' + body.substr(token_end),
         ProblemKind::malformed_json},
        {"invalid UTF-8 right after the token", body.substr(0, token_end) + '\xFF' + body.substr(token_end),
         ProblemKind::malformed_json},
        {"an invalid escape right after the token", body.substr(0, token_end) + "\\q" + body.substr(token_end),
         ProblemKind::malformed_json},
        {"a NUL byte inside the token", body.substr(0, token_end - 10) + '\0' + body.substr(token_end - 10),
         ProblemKind::malformed_json},
        {"the token unquoted", with(body, quoted, secret_value), ProblemKind::malformed_json},
        {"the token unquoted as the whole text", std::string(secret_value), ProblemKind::malformed_json},
        {"the token as a member name without a value", "{" + quoted + "}", ProblemKind::malformed_json},
        {"an unknown member named by the token nesting too deep", plus(body, "," + quoted + ":" + deep),
         ProblemKind::too_deep},
        {"an unknown member named with eight bytes of the token nesting too deep",
         plus(body, R"(,"x-)" + std::string(secret_value.substr(20, 8)) + R"(":)" + deep), ProblemKind::too_deep},
        {"no id, and the token as the name",
         with(with(body, R"("id":"83f8380e-7798-4566-99e3-2edf2b57d289",)", ""), "Development Token", secret_value),
         ProblemKind::missing},
        {"no state, and an unknown member named by the token",
         plus(with(body, R"("state":"ACTIVE",)", ""), "," + quoted + ":" + quoted), ProblemKind::missing},
        {"a null name, and the token as an unknown state",
         with(with(body, R"("Development Token")", "null"), "ACTIVE", secret_value), ProblemKind::null_not_allowed},
        {"a null updated_at, and an unknown member holding the token",
         plus(with(body, R"("updated_at":"2023-01-01T00:00:00.000Z")", R"("updated_at":null)"), R"(,"copy":)" + quoted),
         ProblemKind::null_not_allowed},
        {"the token as a string root", quoted, ProblemKind::wrong_type},
        {"the whole body as a string root", nlohmann::json(body).dump(), ProblemKind::wrong_type},
        {"the name an array holding the token", with(body, R"("Development Token")", "[" + quoted + "]"),
         ProblemKind::wrong_type},
        {"the token as the id", with(body, "83f8380e-7798-4566-99e3-2edf2b57d289", secret_value),
         ProblemKind::invalid_format},
        {"the token as created_at", with(body, "2023-01-01T00:00:00.000Z", secret_value), ProblemKind::invalid_format},
        {"twenty bytes of the token as user_id",
         with(body, "84f8380e-7798-4566-99e3-2edf2b57d288", secret_value.substr(10, 20)), ProblemKind::invalid_format},
        {"eight bytes of the token as expires_at", with(body, "2024-01-01T00:00:00.000Z", secret_value.substr(30, 8)),
         ProblemKind::invalid_format},
        {"the token after one more byte as revoked_by",
         plus(body, R"(,"revoked_by":"x)" + std::string(secret_value) + '"'), ProblemKind::invalid_format},
        {"the token escaped character by character as the id",
         with(body, "83f8380e-7798-4566-99e3-2edf2b57d289", token_fully_escaped()), ProblemKind::invalid_format}};
    for (const auto& example : rejected) {
        INFO(example.description << "\ntext: " << support::printable(example.text));
        const auto error =
            support::validation_error_from([&example] { static_cast<void>(Response::parse(example.text)); });
        REQUIRE(error.has_value());
        const auto kinds = check_error_shows_no_token(*error);
        CHECK(std::find(kinds.begin(), kinds.end(), example.kind) != kinds.end());
        kinds_seen.insert(kinds.begin(), kinds.end());
        if (example.kind == ProblemKind::malformed_json) continue;  // not JSON: no DOM to decode
        const auto reading = support::reading_error<Response>(nlohmann::json::parse(example.text));
        REQUIRE(reading.has_value());
        CHECK(reading->problems() == error->problems());
        check_error_shows_no_token(*reading);
    }

    struct Unencodable {
        std::string description;
        nlohmann::json additional_properties;
        ProblemKind kind;
    };
    const std::vector<Unencodable> unencodable{
        {"the token under schema members' names",
         {{"konnect_token", secret_value}, {"name", secret_value}, {"id", secret_value}},
         ProblemKind::named_by_schema},
        {"a member named by the token nesting too deep",
         {{std::string(secret_value), nlohmann::json::parse(deep)}},
         ProblemKind::too_deep},
        {"the token instead of an object", std::string(secret_value), ProblemKind::wrong_type}};
    for (const auto& example : unencodable) {
        INFO("additional_properties: " << example.description);
        Response response = documents::kong_example().get<Response>();
        response.additional_properties = example.additional_properties;
        const auto error = support::validation_error_from([&response] { static_cast<void>(nlohmann::json(response)); });
        REQUIRE(error.has_value());
        CHECK(error->id == konnect::validation_error::unencodable_value);
        const auto kinds = check_error_shows_no_token(*error);
        CHECK(std::find(kinds.begin(), kinds.end(), example.kind) != kinds.end());
        kinds_seen.insert(kinds.begin(), kinds.end());
        CHECK(run_of(secret_value, printed(response)).empty());
    }

    const std::vector<std::pair<std::string, std::string>> accepted{
        {"the token as the name", with(body, "Development Token", secret_value)},
        {"eight bytes of the token inside the name",
         with(body, "Development Token", "x" + std::string(secret_value.substr(10, 8)) + "y")},
        {"the token as an unknown state", with(body, "ACTIVE", secret_value)},
        {"an unknown member named by the token and holding it", plus(body, "," + quoted + ":" + quoted)}};
    for (const auto& [description, text] : accepted) {
        INFO(description << "\ntext: " << text);
        CHECK(run_of(secret_value, printed(Response::parse(text))).empty());
        CHECK(run_of(secret_value, printed(nlohmann::json::parse(text).get<Response>())).empty());
    }

    CHECK(kinds_seen == std::set<ProblemKind>{ProblemKind::malformed_json, ProblemKind::too_deep, ProblemKind::missing,
                                              ProblemKind::null_not_allowed, ProblemKind::wrong_type,
                                              ProblemKind::invalid_format, ProblemKind::named_by_schema});
}
