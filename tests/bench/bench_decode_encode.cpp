// Decoding and encoding Kong's 201 body: this library against the struct of std::strings users write by hand,
// and against the floors nlohmann_json sets (json::parse alone, a do-nothing SAX pass), all in one run on the same
// text; the decoders again on that text with one unknown member, which parse() builds as a nlohmann::json. Every
// case also reports its heap allocations per operation, counted by the replaced operator new below.
// After Google Benchmark's table, the ratios the project's performance goals are stated in are printed, computed
// from the medians of the repetitions (see README "Performance" and tests/bench/README.md).
#include <benchmark/benchmark.h>

#include "../replaced_allocation.hpp"
#include "hand_written.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// ---- Counting allocator ---------------------------------------------------------------------------------------
// Every form of the global operator new counts one allocation. The counter is thread_local and plain: one
// increment, no atomic read-modify-write, so counting barely adds to the times it sits beside, and the
// benchmarks run on the main thread (the default of one thread), which is the thread that reads it.
namespace {
thread_local std::uint64_t allocation_count = 0;
}  // namespace

void replaced_allocation::on_allocate(void* /*block*/) noexcept { ++allocation_count; }
void replaced_allocation::on_release(void* /*block*/) noexcept {}

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using json = nlohmann::json;

// ---- The texts ------------------------------------------------------------------------------------------------
// Kong's example 201 body (tests/support.hpp has it without them) with the nullable members a real response
// writes out as null: that is what a server sends, and nulls are where hand-written decoders need extra code.
const std::string kong_text = kong_body_with_nulls;
// The same body with one member the schema does not name, which parse() builds as a nlohmann::json. The cases that
// read it are named with this suffix.
const std::string unknown_member_text = kong_body_with_unknown_member;
constexpr const char* unknown_member_suffix = "_unknown_member";

}  // namespace

namespace {

// ---- The do-nothing SAX handler -------------------------------------------------------------------------------
// The least any reader built on nlohmann_json's SAX interface can cost: lexing and grammar only.
struct DoNothing {
    bool null() { return true; }
    bool boolean(bool /*value*/) { return true; }
    bool number_integer(json::number_integer_t /*value*/) { return true; }
    bool number_unsigned(json::number_unsigned_t /*value*/) { return true; }
    bool number_float(json::number_float_t /*value*/, const json::string_t& /*text*/) { return true; }
    bool string(json::string_t& /*value*/) { return true; }
    bool binary(json::binary_t& /*value*/) { return true; }
    bool start_object(std::size_t /*size*/) { return true; }
    bool key(json::string_t& /*key*/) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t /*size*/) { return true; }
    bool end_array() { return true; }
    // Never called on the (valid) benchmark text; false stops reading, as any real handler would.
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const json::exception& /*error*/) {
        return false;
    }
};

// ---- The cases ------------------------------------------------------------------------------------------------
// Runs `operation` in the timed loop and reports the allocations it made per iteration. The counter is read once
// before and once after the loop, so the loop itself carries no counting code; Google Benchmark allocates nothing
// between the two reads (the empty case `self_check/empty_loop` shows 0).
template <typename Operation>
void measure(benchmark::State& state, Operation operation) {
    const std::uint64_t before = allocation_count;
    for (auto _ : state) {
        operation();
        benchmark::ClobberMemory();
    }
    state.counters["allocs"] =
        benchmark::Counter(static_cast<double>(allocation_count - before), benchmark::Counter::kAvgIterations);
}

// The encoders' input, decoded once before any case runs.
hand_written::Response hand_written_response;
std::optional<Response> our_response;

// Registers the case `name`, which times `operation`.
template <typename Operation>
void add(const std::string& name, Operation operation) {
    benchmark::RegisterBenchmark(name.c_str(), [operation](benchmark::State& state) {
        measure(state, operation);
    })->Unit(benchmark::kMicrosecond);
}

// The cases every text is decoded by, named `<case><suffix>`, so that each text's ratios compare work on that text.
void add_decoders(const std::string& text, const std::string& suffix) {
    add("hand_written/decode" + suffix, [&text] {
        auto response = json::parse(text).get<hand_written::Response>();
        benchmark::DoNotOptimize(response);
    });
    add("floor/json_parse" + suffix, [&text] {
        auto document = json::parse(text);
        benchmark::DoNotOptimize(document);
    });
    add("floor/sax_parse_do_nothing" + suffix, [&text] {
        DoNothing handler;
        bool read = json::sax_parse(text, &handler);
        benchmark::DoNotOptimize(read);
    });
    add("ours/parse" + suffix, [&text] {
        auto response = Response::parse(text);
        benchmark::DoNotOptimize(response);
    });
}

void register_cases() {
    add("self_check/empty_loop", [] {});
    add_decoders(kong_text, "");
    add_decoders(unknown_member_text, unknown_member_suffix);
    add("ours/get", [] {
        auto response = json::parse(kong_text).get<Response>();
        benchmark::DoNotOptimize(response);
    });
    add("hand_written/encode", [] {
        std::string text = json(hand_written_response).dump();
        benchmark::DoNotOptimize(text);
    });
    add("ours/encode", [] {
        std::string text = json(*our_response).dump();
        benchmark::DoNotOptimize(text);
    });
}

// ---- Collecting the medians -----------------------------------------------------------------------------------
struct Result {
    double cpu_ns = 0;
    double real_ns = 0;
    double allocations = 0;
};

// Passes every run on to the reporter --benchmark_format asks for (so the usual table, colours and formats stay as
// they are) and keeps, per case, the median of its repetitions, or its only run when there is one repetition.
class CollectingReporter : public benchmark::BenchmarkReporter {
  public:
    explicit CollectingReporter(benchmark::BenchmarkReporter& display) : display_(display) {}

    bool ReportContext(const Context& context) override { return display_.ReportContext(context); }

    void ReportRuns(const std::vector<Run>& runs) override {
        display_.ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred) continue;
            const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            const bool only_run = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
            if (!median && !only_run) continue;
            const double to_ns = 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
            Result result{run.GetAdjustedCPUTime() * to_ns, run.GetAdjustedRealTime() * to_ns, -1};
            if (const auto allocs = run.counters.find("allocs"); allocs != run.counters.end()) {
                result.allocations = allocs->second.value;
            }
            results_[run.run_name.function_name] = result;
            repetitions_ = std::max<std::int64_t>(repetitions_, run.repetitions);
        }
    }

    void Finalize() override { display_.Finalize(); }

    [[nodiscard]] const std::map<std::string, Result>& results() const noexcept { return results_; }
    [[nodiscard]] std::int64_t repetitions() const noexcept { return repetitions_; }

  private:
    benchmark::BenchmarkReporter& display_;
    std::map<std::string, Result> results_;
    std::int64_t repetitions_ = 0;
};

// ---- The ratio table ------------------------------------------------------------------------------------------
struct Ratio {
    const char* numerator;
    const char* denominator;
    double at_most;  // the goal; 0 for a row shown for context only
};

// The goals of the issue, each a ratio of medians measured in this run, and the context figures; then, for
// context, what an unknown member costs parse(), against the other decoders on its own text and against the first.
constexpr std::array<Ratio, 10> ratios{{
    {"ours/get", "hand_written/decode", 1.05},
    {"ours/parse", "hand_written/decode", 0.70},
    {"ours/parse", "floor/sax_parse_do_nothing", 1.30},
    {"ours/encode", "hand_written/encode", 1.10},
    {"floor/json_parse", "hand_written/decode", 0},
    {"floor/sax_parse_do_nothing", "hand_written/decode", 0},
    {"ours/parse_unknown_member", "hand_written/decode_unknown_member", 0},
    {"ours/parse_unknown_member", "floor/json_parse_unknown_member", 0},
    {"ours/parse_unknown_member", "floor/sax_parse_do_nothing_unknown_member", 0},
    {"ours/parse_unknown_member", "ours/parse", 0},
}};

// Heap allocations per decode: the goal, then with an unknown member, for context.
struct Allocations {
    const char* name;
    double at_most;  // the goal; 0 for a row shown for context only
};
constexpr std::array<Allocations, 2> allocations{{{"ours/parse", 4}, {"ours/parse_unknown_member", 0}}};

// The cases in the order the table lists them: baseline, floors, ours, then the same on the text with an unknown
// member (the run itself shuffles them).
constexpr std::array<const char*, 11> table_order{"hand_written/decode",
                                                  "floor/json_parse",
                                                  "floor/sax_parse_do_nothing",
                                                  "ours/get",
                                                  "ours/parse",
                                                  "hand_written/encode",
                                                  "ours/encode",
                                                  "hand_written/decode_unknown_member",
                                                  "floor/json_parse_unknown_member",
                                                  "floor/sax_parse_do_nothing_unknown_member",
                                                  "ours/parse_unknown_member"};

// "1.05x", "4.0": a figure as the table shows it.
std::string formatted(double figure, const char* format) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), format, figure);
    return text.data();
}

// One row of the ratio table: the figure measured (none when a case it needs did not run), its goal and whether it
// is met, or "(context)" for a row without a goal.
void print_row(std::FILE* out, const std::string& label, std::optional<double> measured, double at_most,
               const char* format) {
    if (!measured) {
        std::fprintf(out, "%-69s %10s\n", label.c_str(), "n/a");
    } else if (at_most > 0) {
        std::fprintf(out, "%-69s %10s %10s %5s\n", label.c_str(), formatted(*measured, format).c_str(),
                     ("<= " + formatted(at_most, format)).c_str(), *measured <= at_most ? "yes" : "NO");
    } else {
        std::fprintf(out, "%-69s %10s %10s\n", label.c_str(), formatted(*measured, format).c_str(), "(context)");
    }
}

// Prints the table of times and allocations and the table of ratios. A ratio whose case did not run (filtered out)
// shows n/a.
void print_ratio_table(const CollectingReporter& collected, std::FILE* out) {
    const auto& results = collected.results();
    const auto find = [&](const char* name) -> const Result* {
        const auto found = results.find(name);
        return found == results.end() ? nullptr : &found->second;
    };
    std::fprintf(out, "\nkonnect-models performance goals: Kong's 201 body, %zu bytes, null members written out;\n",
                 kong_text.size());
    std::fprintf(out, "*%s: the same body with one unknown member added last, %zu bytes\n", unknown_member_suffix,
                 unknown_member_text.size());
    std::fprintf(out, "(medians of %lld repetition(s); ratios of CPU times)\n\n",
                 static_cast<long long>(collected.repetitions()));
    std::fprintf(out, "%-41s %12s %12s %12s\n", "case", "CPU (us)", "wall (us)", "allocs/op");
    for (const char* name : table_order) {
        if (const Result* const result = find(name)) {
            std::fprintf(out, "%-41s %12.3f %12.3f %12.1f\n", name, result->cpu_ns / 1000, result->real_ns / 1000,
                         result->allocations);
        } else {
            std::fprintf(out, "%-41s %12s\n", name, "n/a");
        }
    }
    std::fprintf(out, "\n%-69s %10s %10s %5s\n", "ratio", "measured", "goal", "met");
    for (const Ratio& ratio : ratios) {
        const Result* const numerator = find(ratio.numerator);
        const Result* const denominator = find(ratio.denominator);
        std::optional<double> measured;
        if (numerator != nullptr && denominator != nullptr && denominator->cpu_ns > 0) {
            measured = numerator->cpu_ns / denominator->cpu_ns;
        }
        print_row(out, std::string(ratio.numerator) + " / " + ratio.denominator, measured, ratio.at_most, "%.2fx");
    }
    for (const Allocations& row : allocations) {
        const Result* const result = find(row.name);
        print_row(out, std::string(row.name) + " allocations per decode",
                  result != nullptr ? std::optional<double>(result->allocations) : std::nullopt, row.at_most, "%.1f");
    }
    // The allocation counts are only right if the framework allocates nothing inside a timed loop.
    if (const Result* const empty = find("self_check/empty_loop"); empty != nullptr && empty->allocations != 0) {
        std::fprintf(out, "\nWARNING: an empty loop allocates %.1f times per iteration: the allocs/op above are off\n",
                     empty->allocations);
    }
    std::fprintf(out, "\nThe compile-time goal: tests/bench/compile_time.cmake (the bench_report target runs both).\n");
}

// ---- Checks before timing -------------------------------------------------------------------------------------
// A benchmark of code that does not do its job measures nothing: every decoder must read both texts, both decoders
// of ours must agree, every decoder must read the same schema members from both texts while parse() keeps the unknown
// member, and both encoders must write the very same text (so the encode ratio compares equal work).
bool cases_do_their_job() {
    bool ok = true;
    const auto fail = [&](const char* what) {
        std::fprintf(stderr, "konnect_models_bench: %s\n", what);
        ok = false;
    };
    for (const std::string* text : {&kong_text, &unknown_member_text}) {
        DoNothing handler;
        if (!json::sax_parse(*text, &handler)) fail("the do-nothing SAX pass rejects a text");
    }
    try {
        hand_written_response = json::parse(kong_text).get<hand_written::Response>();
        our_response = Response::parse(kong_text);
        if (json::parse(kong_text).get<Response>() != *our_response) fail("parse() and get<>() decode differently");
        const std::string ours = json(*our_response).dump();
        const std::string theirs = json(hand_written_response).dump();
        if (ours != theirs) {
            std::fprintf(stderr, "ours:         %s\nhand-written: %s\n", ours.c_str(), theirs.c_str());
            fail("the two encoders write different text");
        }
        if (our_response->revoked_by || our_response->last_used_at || our_response->revoked_at ||
            hand_written_response.revoked_by || hand_written_response.last_used_at ||
            hand_written_response.revoked_at) {
            fail("a null member decoded as a value");
        }

        // The text with an unknown member: the members it adds to the plain text are what parse() must keep.
        Response general = Response::parse(unknown_member_text);
        if (json::parse(unknown_member_text).get<Response>() != general) {
            fail("parse() and get<>() decode the text with an unknown member differently");
        }
        json added = json::parse(unknown_member_text);
        const json plain = json::parse(kong_text);
        for (const auto& member : plain.items())
            added.erase(member.key());
        const json kept = std::exchange(general.additional_properties, json());
        if (added.empty() || kept != added) fail("parse() does not keep the unknown member in additional_properties");
        if (general != *our_response) fail("parse() reads other schema members once a member is unknown");
        if (json(json::parse(unknown_member_text).get<hand_written::Response>()).dump() != theirs) {
            fail("the hand-written decoder reads other schema members once a member is unknown");
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "konnect_models_bench: %s\n", error.what());
        fail("decoding a benchmark text threw");
    }
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (!cases_do_their_job()) return 1;

    // The report's defaults come first so that the same flags given on the command line, parsed later, win.
    // Random interleaving runs the repetitions of all cases in a shuffled order: load that comes and goes on a
    // shared machine then spreads over every case instead of skewing one, which keeps the ratios honest.
    // Debian 12's libbenchmark 1.7.1 takes --benchmark_min_time in plain seconds (the "0.2s" form came with 1.8).
    std::vector<char*> arguments{argv[0]};
    std::array<std::string, 4> defaults{"--benchmark_repetitions=15", "--benchmark_report_aggregates_only=true",
                                        "--benchmark_min_time=0.2", "--benchmark_enable_random_interleaving=true"};
    for (std::string& flag : defaults)
        arguments.push_back(flag.data());
    std::copy(argv + 1, argv + argc, std::back_inserter(arguments));
    int count = static_cast<int>(arguments.size());
    benchmark::Initialize(&count, arguments.data());
    if (benchmark::ReportUnrecognizedArguments(count, arguments.data())) return 1;

    // Machine-readable output (--benchmark_format=json or csv) keeps stdout to itself; the table then goes to stderr.
    bool console = true;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag.rfind("--benchmark_format=", 0) == 0 && flag != "--benchmark_format=console") console = false;
    }

    register_cases();
    CollectingReporter reporter(*benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    if (reporter.results().empty()) return 0;  // --benchmark_list_tests, or a filter that matched nothing
    // Google Benchmark writes through std::cout, the table through stdio.
    std::cout.flush();
    print_ratio_table(reporter, console ? stdout : stderr);
    return 0;
}
