// SPDX-License-Identifier: MIT
// Running rules on a case: propose (read-only), infer (adds relations), the registry.

#include <narrative/infer/infer_relations.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using narrative::case_model;

// a1 (actor a) asserts p, b1 (actor b) asserts p, c1 (actor c) denies p; an asserted
// contradiction a1 - c1 is already in the case.
case_model small_case() {
    case_model c;
    for (const char* id : {"a", "b", "c"}) c.add_actor({.id = id});
    const auto add = [&](const char* id, const char* actor, narrative::stance st) {
        c.add_statement({.id = id, .actor = std::string(actor),
                         .claim = narrative::claim{.proposition = "p", .stance = st}});
    };
    add("a1", "a", narrative::stance::asserts);
    add("b1", "b", narrative::stance::asserts);
    add("c1", "c", narrative::stance::denies);
    c.relate("a1", "c1", {.type = narrative::relation_type::contradicts});
    return c;
}

// A user rule: every statement of actor "b" supports statement 0.
struct b_supports_first {
    static constexpr std::string_view name = "b-supports-first";
    std::vector<narrative::inference> propose(const case_model& c) const {
        std::vector<narrative::inference> out{};
        for (const auto v : c.statements_of(*c.find_actor("b")))
            out.push_back({.from = v, .to = 0, .effect = narrative::inference_effect::supports,
                           .weight = 0.5, .rule = std::string(name), .reason = "b backs a"});
        return out;
    }
};

// A faulty user rule naming a statement that does not exist.
struct bad_rule {
    static constexpr std::string_view name = "bad";
    std::vector<narrative::inference> propose(const case_model&) const {
        return {{.from = 0, .to = 99, .effect = narrative::inference_effect::supports,
                 .weight = 1.0, .rule = "bad", .reason = "out of range"}};
    }
};

}  // namespace

TEST_SUITE("infer.infer_relations") {
    TEST_CASE("propose_relations leaves the case unchanged and skips asserted duplicates") {
        const case_model c = small_case();
        const auto r = narrative::propose_relations(c);
        CHECK(c.relation_count() == 1);
        // hand-derived: same-claim a1-b1 (supports), asserts-vs-denies a1-c1 (already asserted:
        // a duplicate) and b1-c1 (new).
        REQUIRE(r.added.size() == 2);
        CHECK(r.duplicates == 1);
        CHECK(r.added[0].rule == "same-claim");
        CHECK(r.added[1].rule == "asserts-vs-denies");
        CHECK(c.statement_at(r.added[1].from).id == "b1");
        CHECK(c.statement_at(r.added[1].to).id == "c1");
        CHECK(r.relations.empty());
        CHECK(r.run.ok());
        CHECK(narrative::propose_relations(case_model{}).run.status == narrative::run_status::empty);
    }

    TEST_CASE("infer_relations adds inferred relations with rule and reason once") {
        case_model c = small_case();
        const auto r = narrative::infer_relations(c);
        REQUIRE(r.relations.size() == 2);
        CHECK(c.relation_count() == 3);
        const auto& added = c.relation_at(r.relations[1]);
        CHECK(added.provenance == narrative::provenance::inferred);
        CHECK(added.type == narrative::relation_type::contradicts);
        CHECK(added.is_mutual());
        CHECK(added.rule == "asserts-vs-denies");
        CHECK_FALSE(added.reason.empty());
        const auto again = narrative::infer_relations(c);
        CHECK(again.added.empty());
        CHECK(again.duplicates == 3);
        CHECK(c.relation_count() == 3);
    }

    TEST_CASE("a user rule runs without editing the library and keeps its weight") {
        case_model c = small_case();
        const auto r = narrative::infer_relations(c, b_supports_first{});
        REQUIRE(r.relations.size() == 1);
        const auto& rel = c.relation_at(r.relations[0]);
        CHECK(rel.rule == "b-supports-first");
        CHECK(rel.effective_weight() == doctest::Approx(0.5));
        CHECK(c.statement_at(c.source(r.relations[0])).id == "b1");
    }

    TEST_CASE("a rule proposing a statement out of range is rejected") {
        case_model c = small_case();
        CHECK_THROWS_AS((void)narrative::infer_relations(c, bad_rule{}), narrative::rule_error);
        CHECK(c.relation_count() == 1);
    }

    TEST_CASE("the registry lists the built-ins and rejects unknown and duplicate names") {
        auto reg = narrative::builtin_relation_rules();
        CHECK(reg.names_joined() == "same-claim, asserts-vs-denies, exclusive-values, relay, repetition");
        CHECK(reg.find("relay").name() == "relay");
        CHECK_THROWS_AS((void)reg.find("nope"), narrative::rule_error);
        CHECK_THROWS_AS(reg.add(narrative::relay_rule{}), narrative::rule_error);
        reg.add(b_supports_first{});
        CHECK(reg.contains("b-supports-first"));
    }
}
