// SPDX-License-Identifier: MIT
// The built-in inference rules one by one, and the relation_rule concept.

#include <narrative/infer/relation_rule.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using narrative::case_model;
using narrative::inference;
using narrative::inference_effect;

// A case with one proposition of two exclusive values and one yes/no proposition:
//   a1 (actor a, 2025-01) asserts broker = us        a2 (actor a, 2025-03) asserts broker = us
//   b1 (actor b, 2025-02) asserts broker = us        c1 (actor c, 2025-02) asserts broker = local
//   d1 (actor d, 2025-04) denies broker = us         r1 (actor r, 2025-05) reports broker = us
//   y1 (actor a) asserts asked (yes/no)              y2 (actor b) denies asked
//   y3 (actor c) denies asked
case_model sample_case(bool exclusive = true) {
    case_model c;
    for (const char* id : {"a", "b", "c", "d", "r"}) c.add_actor({.id = id});
    c.add_proposition({.id = "broker", .values = std::vector<std::string>{"us", "local"},
                       .exclusive = exclusive});
    const auto add = [&](const char* id, const char* actor, const char* time, const char* prop,
                         std::optional<std::string> value, narrative::stance st) {
        c.add_statement({.id = id, .actor = std::string(actor),
                         .time = narrative::time_point::parse(time),
                         .claim = narrative::claim{.proposition = prop, .value = value,
                                                   .stance = st}});
    };
    using narrative::stance;
    add("a1", "a", "2025-01", "broker", "us", stance::asserts);
    add("a2", "a", "2025-03", "broker", "us", stance::asserts);
    add("b1", "b", "2025-02", "broker", "us", stance::asserts);
    add("c1", "c", "2025-02", "broker", "local", stance::asserts);
    add("d1", "d", "2025-04", "broker", "us", stance::denies);
    add("r1", "r", "2025-05", "broker", "us", stance::reports);
    add("y1", "a", "2025", "asked", std::nullopt, stance::asserts);
    add("y2", "b", "2025", "asked", std::nullopt, stance::denies);
    add("y3", "c", "2025", "asked", std::nullopt, stance::denies);
    return c;
}

// "from>to" for every inference, sorted, for compact comparisons.
std::vector<std::string> pairs(const case_model& c, const std::vector<inference>& is) {
    std::vector<std::string> out{};
    for (const auto& i : is) out.push_back(c.statement_at(i.from).id + ">" + c.statement_at(i.to).id);
    std::sort(out.begin(), out.end());
    return out;
}

struct custom_rule {
    static constexpr std::string_view name = "custom";
    std::vector<inference> propose(const case_model&) const { return {}; }
};
struct not_a_rule {
    std::vector<inference> propose(const case_model&) const { return {}; }
};

}  // namespace

TEST_SUITE("infer.relation_rule") {
    TEST_CASE("the concept accepts a named rule and rejects a rule without name") {
        static_assert(narrative::relation_rule<custom_rule>);
        static_assert(!narrative::relation_rule<not_a_rule>);
        static_assert(narrative::relation_rule<narrative::same_claim_rule>);
        CHECK(narrative::same_claim_rule::name == "same-claim");
    }

    TEST_CASE("position_of reads yes-no and valued claims and gives none for reports") {
        const case_model c = sample_case();
        const auto a1 = narrative::position_of(c, *c.find_statement("a1"));
        REQUIRE(a1.has_value());
        CHECK(a1->value == "us");
        CHECK(a1->positive);
        const auto y2 = narrative::position_of(c, *c.find_statement("y2"));
        REQUIRE(y2.has_value());
        CHECK(y2->value == "true");  // yes/no: denies = negative on "true"
        CHECK_FALSE(y2->positive);
        CHECK_FALSE(narrative::position_of(c, *c.find_statement("r1")).has_value());
    }

    TEST_CASE("same-claim links independent actors taking the same position later to earlier") {
        const case_model c = sample_case();
        const auto out = narrative::same_claim_rule{}.propose(c);
        // hand-derived: broker=us asserted by a1, a2 (actor a) and b1 (actor b): a2 repeats a1,
        // so only a1-b1 (b1 later) links actors; asked denied by y2 and y3.
        CHECK(pairs(c, out) == std::vector<std::string>{"b1>a1", "y3>y2"});
        for (const auto& i : out) {
            CHECK(i.effect == inference_effect::supports);
            CHECK(i.rule == "same-claim");
            CHECK_FALSE(i.reason.empty());
        }
    }

    TEST_CASE("asserts-vs-denies contradicts the same value asserted and denied") {
        const case_model c = sample_case();
        const auto out = narrative::asserts_denies_rule{}.propose(c);
        // hand-derived: d1 denies broker=us against a1, a2, b1; y1 asserts asked against y2, y3.
        CHECK(pairs(c, out) ==
              std::vector<std::string>{"a1>d1", "a2>d1", "b1>d1", "y1>y2", "y1>y3"});
        for (const auto& i : out) CHECK(i.effect == inference_effect::contradicts);
    }

    TEST_CASE("exclusive-values contradicts different asserted values only when exclusive") {
        const case_model c = sample_case();
        const auto out = narrative::exclusive_values_rule{}.propose(c);
        // hand-derived: c1 asserts local against a1, a2, b1 asserting us.
        CHECK(pairs(c, out) == std::vector<std::string>{"a1>c1", "a2>c1", "b1>c1"});
        CHECK(out.front().reason.find("exclusive") != std::string::npos);
        const case_model open = sample_case(false);
        CHECK(narrative::exclusive_values_rule{}.propose(open).empty());
    }

    TEST_CASE("relay links a reporting statement to the assertions it relays without a relation") {
        const case_model c = sample_case();
        const auto out = narrative::relay_rule{}.propose(c);
        CHECK(pairs(c, out) == std::vector<std::string>{"r1>a1", "r1>a2", "r1>b1"});
        for (const auto& i : out) {
            CHECK(i.effect == inference_effect::relay);
            CHECK_FALSE(i.is_relation());
        }
    }

    TEST_CASE("repetition marks the later of two same positions of one actor") {
        const case_model c = sample_case();
        const auto out = narrative::repetition_rule{}.propose(c);
        CHECK(pairs(c, out) == std::vector<std::string>{"a2>a1"});
        CHECK(out.front().effect == inference_effect::repetition);
        CHECK(out.front().reason == "a repeats asserts broker = us");
    }
}
