// State: an open enum. Three named states, and any other text kept exactly as Kong wrote it.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using konnect::State;

// Scoped: a value never turns into a number by accident, in arithmetic or in JSON.
static_assert(!std::is_convertible_v<State::Value, int>, "State::Value is a scoped enum");

// Every enumerator handled, no default: -Wswitch (in -Wall) flags a State::Value this does not name.
std::string dispatch(const State& state) {
    switch (state) {
        case State::unknown:
            return "unknown";
        case State::active:
            return "active";
        case State::revoked:
            return "revoked";
        case State::expired:
            return "expired";
    }
    return "no case matched";
}

}  // namespace

TEST_CASE("Each schema name reads as its named state and writes back the same text", "[state]") {
    const auto [text, value] = GENERATE(table<std::string, State::Value>({
        {"ACTIVE", State::active},
        {"REVOKED", State::revoked},
        {"EXPIRED", State::expired},
    }));
    INFO("text: " << text);

    const State state = State::from_string(text);
    CHECK(state == value);
    CHECK_FALSE(state.is_unknown());
    CHECK(state.to_string() == text);
    CHECK(state == State(value));

    const nlohmann::json written = state;
    CHECK(written == nlohmann::json(text));
    CHECK(nlohmann::json(text).get<State>() == State(value));
}

TEST_CASE("A state value written to JSON is its schema text and never a number", "[state]") {
    const auto [value, text] = GENERATE(table<State::Value, std::string>({
        {State::active, "ACTIVE"},
        {State::revoked, "REVOKED"},
        {State::expired, "EXPIRED"},
        {State::unknown, ""},
    }));
    INFO("expected text: \"" << text << "\"");

    const nlohmann::json written = value;
    INFO("written: " << written.dump());
    CHECK(written.is_string());
    CHECK(written == nlohmann::json(text));
}

TEST_CASE("A state value reads from its schema text and refuses a number", "[state]") {
    CHECK(nlohmann::json("REVOKED").get<State::Value>() == State::revoked);
    CHECK(nlohmann::json("ACTIVE").get<State::Value>() == State::active);
    CHECK(nlohmann::json("PENDING_APPROVAL").get<State::Value>() == State::unknown);
    CHECK_THROWS_AS(nlohmann::json(5).get<State::Value>(), konnect::validation_error);
    support::check_one_root_problem_reading<State::Value>(nlohmann::json(1), konnect::ProblemKind::wrong_type);
}

TEST_CASE("A named state constructed from its value has its schema text", "[state]") {
    CHECK(State(State::active).to_string() == "ACTIVE");
    CHECK(State(State::revoked).to_string() == "REVOKED");
    CHECK(State(State::expired).to_string() == "EXPIRED");
    CHECK(State(State::unknown).to_string().empty());
}

TEST_CASE("Any other text reads as an unknown state that keeps its exact text", "[state]") {
    const std::string text = GENERATE(as<std::string>{}, "SUSPENDED", "", "active", "Active", "aCTIVE", " ACTIVE",
                                      "ACTIVE ", "ACTIVE\n", "\tREVOKED", "EXPIRED.", "EXPIRE", "PENDING_APPROVAL",
                                      "\xC3\x89TAT_ACTIF \xE2\x9C\x93", "\xE6\xB4\xBB\xE5\x8A\xA8");
    INFO("text: \"" << text << "\" (" << text.size() << " bytes)");

    const State state = State::from_string(text);
    CHECK(state.is_unknown());
    CHECK(state == State::unknown);
    CHECK(state.to_string() == text);

    const nlohmann::json written = state;
    REQUIRE(written.is_string());
    CHECK(written.get<std::string>() == text);
}

TEST_CASE("Text with an embedded NUL byte is an unknown state and keeps every byte", "[state]") {
    const std::string text("ACTIVE\0", 7);
    const State state = State::from_string(text);
    CHECK(state.is_unknown());
    CHECK(state.to_string().size() == 7);
    CHECK(state.to_string() == text);
}

TEST_CASE("An unknown state keeps its exact text through a JSON round trip", "[state]") {
    const std::string text =
        GENERATE(as<std::string>{}, "SUSPENDED", "", "active", " ACTIVE", "ACTIVE\n", "\xC3\x89TAT_ACTIF \xE2\x9C\x93");
    INFO("text: \"" << text << "\"");

    const State read = nlohmann::json(text).get<State>();
    CHECK(read.is_unknown());
    CHECK(read.to_string() == text);

    const nlohmann::json written = read;
    CHECK(written == nlohmann::json(text));
    CHECK(written.get<State>() == read);
}

TEST_CASE("A switch over a state dispatches on all four values", "[state]") {
    CHECK(dispatch(State::from_string("ACTIVE")) == "active");
    CHECK(dispatch(State::from_string("REVOKED")) == "revoked");
    CHECK(dispatch(State::from_string("EXPIRED")) == "expired");
    CHECK(dispatch(State::from_string("SUSPENDED")) == "unknown");
    CHECK(dispatch(State::from_string("active")) == "unknown");
    CHECK(dispatch(State()) == "unknown");
    CHECK(dispatch(State::active) == "active");
}

TEST_CASE("A default constructed state is unknown with empty text", "[state]") {
    const State state;
    CHECK(state.is_unknown());
    CHECK(state == State::unknown);
    CHECK(state.to_string().empty());
    CHECK(state == State(State::unknown));
    CHECK(state == State::from_string(""));

    const nlohmann::json written = state;
    CHECK(written == nlohmann::json(""));
}

TEST_CASE("Two states are equal exactly when their values and texts are", "[state]") {
    SECTION("named states") {
        CHECK(State::from_string("ACTIVE") == State(State::active));
        CHECK_FALSE(State::from_string("ACTIVE") != State(State::active));
        CHECK(State::from_string("ACTIVE") != State::from_string("REVOKED"));
        CHECK_FALSE(State::from_string("ACTIVE") == State::from_string("REVOKED"));
        CHECK(State::from_string("REVOKED") != State::from_string("EXPIRED"));
    }
    SECTION("unknown states with the same text are equal") {
        CHECK(State::from_string("SUSPENDED") == State::from_string("SUSPENDED"));
        CHECK_FALSE(State::from_string("SUSPENDED") != State::from_string("SUSPENDED"));
    }
    SECTION("unknown states with different texts differ") {
        CHECK(State::from_string("SUSPENDED") != State::from_string("PENDING_APPROVAL"));
        CHECK_FALSE(State::from_string("SUSPENDED") == State::from_string("PENDING_APPROVAL"));
        CHECK(State::from_string("active") != State::from_string("Active"));
        CHECK(State::from_string("SUSPENDED") != State());
    }
    SECTION("an unknown state differs from the named state its text resembles") {
        CHECK(State::from_string("active") != State(State::active));
        CHECK_FALSE(State::from_string("active") == State(State::active));
        CHECK(State::from_string(" ACTIVE") != State::from_string("ACTIVE"));
    }
}

TEST_CASE("A state compares with a state value in both orders", "[state]") {
    const State active = State::from_string("ACTIVE");
    const State suspended = State::from_string("SUSPENDED");

    SECTION("state on the left") {
        CHECK(active == State::active);
        CHECK_FALSE(active != State::active);
        CHECK(active != State::revoked);
        CHECK_FALSE(active == State::revoked);
        CHECK(active != State::unknown);
        CHECK(suspended == State::unknown);
        CHECK_FALSE(suspended != State::unknown);
        CHECK(suspended != State::active);
    }
    SECTION("value on the left") {
        CHECK(State::active == active);
        CHECK_FALSE(State::active != active);
        CHECK(State::expired != active);
        CHECK_FALSE(State::expired == active);
        CHECK(State::unknown != active);
        CHECK(State::unknown == suspended);
        CHECK_FALSE(State::unknown != suspended);
        CHECK(State::active != suspended);
    }
}

TEST_CASE("Reading a state from JSON that is not a string throws a validation error", "[state]") {
    const auto [document, kind] = GENERATE(table<nlohmann::json, konnect::ProblemKind>({
        {nlohmann::json(42), konnect::ProblemKind::wrong_type},
        {nlohmann::json(1.5), konnect::ProblemKind::wrong_type},
        {nlohmann::json(true), konnect::ProblemKind::wrong_type},
        {nlohmann::json(nullptr), konnect::ProblemKind::null_not_allowed},
        {nlohmann::json::object({{"state", "ACTIVE"}}), konnect::ProblemKind::wrong_type},
        {nlohmann::json::array({"ACTIVE"}), konnect::ProblemKind::wrong_type},
    }));
    INFO("document: " << document.dump());

    CHECK_THROWS_AS(document.get<State>(), konnect::validation_error);
    CHECK_THROWS_AS(document.get<State>(), nlohmann::json::exception);

    support::check_one_root_problem_reading<State>(document, kind);
}

TEST_CASE("The example body with a state Kong may add later decodes and encodes with the same text", "[state]") {
    const nlohmann::json document = documents::with_member("state", "PENDING_APPROVAL");
    INFO("document: " << document.dump());

    const auto response = document.get<konnect::PersonalAccessTokenCreateResponse>();
    CHECK(response.state.is_unknown());
    CHECK(response.state == State::unknown);
    CHECK(response.state.to_string() == "PENDING_APPROVAL");
    CHECK(dispatch(response.state) == "unknown");

    const nlohmann::json encoded = response;
    CHECK(encoded.at("state") == "PENDING_APPROVAL");
    CHECK(encoded == document);
}

TEST_CASE("An unknown state keeps its exact text through a round trip in ordered_json", "[state]") {
    SECTION("a state alone") {
        const State state = State::from_string("PENDING_APPROVAL");
        const nlohmann::ordered_json written = state;
        CHECK(written == nlohmann::ordered_json("PENDING_APPROVAL"));
        const State read = written.get<State>();
        CHECK(read.is_unknown());
        CHECK(read.to_string() == "PENDING_APPROVAL");
        CHECK(read == state);
    }
    SECTION("in Kong's example") {
        const nlohmann::ordered_json document =
            nlohmann::ordered_json::parse(documents::with_member("state", "PENDING_APPROVAL").dump());
        INFO("document: " << document.dump());
        const auto response = document.get<konnect::PersonalAccessTokenCreateResponse>();
        CHECK(response.state.to_string() == "PENDING_APPROVAL");

        const nlohmann::ordered_json encoded = response;
        INFO("encoded: " << encoded.dump());
        CHECK(encoded.at("state") == "PENDING_APPROVAL");
        CHECK(encoded.get<konnect::PersonalAccessTokenCreateResponse>().state == response.state);
    }
}

TEST_CASE("A map keyed by state counts each state text apart, unknown states included", "[state]") {
    std::map<State, int> counts;
    for (const std::string_view text : {"ACTIVE", "PENDING", "SUSPENDED", "ACTIVE"}) {
        ++counts[State::from_string(text)];
    }
    REQUIRE(counts.size() == 3);
    CHECK(counts[State::from_string("ACTIVE")] == 2);
    CHECK(counts[State::from_string("PENDING")] == 1);
    CHECK(counts[State::from_string("SUSPENDED")] == 1);
}

TEST_CASE("States order by value and then by text, in agreement with equality", "[state]") {
    // Values in the enum's order (unknown, active, revoked, expired); unknown states among themselves by text.
    const std::vector<State> ascending{State(),
                                       State::from_string("PENDING"),
                                       State::from_string("SUSPENDED"),
                                       State::from_string("active"),
                                       State::active,
                                       State::revoked,
                                       State::expired};
    for (std::size_t i = 0; i < ascending.size(); ++i) {
        for (std::size_t j = 0; j < ascending.size(); ++j) {
            const State& a = ascending[i];
            const State& b = ascending[j];
            INFO("a: " << support::printed(a) << ", b: " << support::printed(b));
            CHECK((a < b) == (i < j));
            CHECK((a > b) == (i > j));
            CHECK((a <= b) == (i <= j));
            CHECK((a >= b) == (i >= j));
            CHECK((a == b) == (i == j));
        }
    }
    const std::set<State> distinct(ascending.begin(), ascending.end());
    CHECK(distinct.size() == ascending.size());
}

TEST_CASE("A state compared with a state value compares the value alone, as it always has", "[state]") {
    const State pending = State::from_string("PENDING");
    CHECK_FALSE(pending < State::unknown);
    CHECK_FALSE(State::unknown < pending);
    CHECK(pending <= State::unknown);
    CHECK(pending >= State::unknown);
    CHECK(pending < State::active);
    CHECK(State::active > pending);
    CHECK(State::from_string("EXPIRED") > State::revoked);
    CHECK(State::revoked <= State::from_string("REVOKED"));
}

TEST_CASE("Equal states hash equal, so unordered sets and maps keep each state text once", "[state]") {
    const std::hash<State> hash;
    CHECK(hash(State::from_string("ACTIVE")) == hash(State(State::active)));
    CHECK(hash(State()) == hash(State::from_string("")));
    CHECK(hash(State::from_string("PENDING")) == hash(State::from_string("PENDING")));

    const std::unordered_set<State> set{State::from_string("ACTIVE"), State::active, State::from_string("PENDING"),
                                        State::from_string("SUSPENDED"), State::from_string("PENDING")};
    CHECK(set.size() == 3);
    CHECK(set.count(State::from_string("SUSPENDED")) == 1);
    CHECK(set.count(State::from_string("suspended")) == 0);

    std::unordered_map<State, int> counts;
    for (const std::string_view text : {"ACTIVE", "PENDING", "SUSPENDED", "ACTIVE"}) {
        ++counts[State::from_string(text)];
    }
    CHECK(counts.size() == 3);
    CHECK(counts[State::active] == 2);
}
