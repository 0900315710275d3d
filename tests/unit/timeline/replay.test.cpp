// SPDX-License-Identifier: MIT
// The timeline replay: which statements each snapshot holds, and the strengths and verdicts
// of each snapshot, derived by hand.

#include <doctest/doctest.h>

#include <narrative/explain/timeline_report.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/text.hpp>
#include <narrative/report/timeline.hpp>
#include <narrative/timeline/replay.hpp>

#include <cmath>
#include <string>

using namespace narrative;

namespace {

statement said(std::string id, std::string actor, std::optional<std::string> time, stance s) {
    statement x{};
    x.id = std::move(id);
    x.actor = std::move(actor);
    if (time) x.time = time_point::parse(*time);
    x.base = 0.5;
    x.claim = claim{.proposition = "bridge-open", .value = std::nullopt, .stance = s};
    return x;
}

// alice asserts the bridge is open (2025-01); bob denies it (2025-02-03); carol denies it
// (2025-03); dave's undated statement supports alice's. bob's and carol's contradict alice's.
case_model story() {
    case_model c{};
    for (const char* a : {"alice", "bob", "carol", "dave"}) (void)c.add_actor({.id = a});
    (void)c.add_proposition({.id = "bridge-open"});
    (void)c.add_statement(said("a1", "alice", "2025-01", stance::asserts));
    (void)c.add_statement(said("b1", "bob", "2025-02-03", stance::denies));
    (void)c.add_statement(said("c1", "carol", "2025-03", stance::denies));
    statement d{};
    d.id = "d1";
    d.actor = "dave";
    d.base = 0.5;
    (void)c.add_statement(d);
    c.relate("b1", "a1", {.type = relation_type::contradicts, .directed = true});
    c.relate("c1", "a1", {.type = relation_type::contradicts, .directed = true});
    c.relate("d1", "a1", {.type = relation_type::supports});
    return c;
}

}  // namespace

TEST_CASE("sub_case keeps every actor and proposition, the chosen statements, the relations among them") {
    const case_model c = story();
    std::vector<statement_index> index{};
    const case_model s = sub_case(c, {true, false, true, false}, index);
    CHECK(s.actors().size() == 4);
    CHECK(s.propositions().size() == 1);
    REQUIRE(s.statement_count() == 2);
    CHECK(index == std::vector<statement_index>{0, 2});
    CHECK(s.statement_at(1).id == "c1");
    CHECK(s.statement_at(1).actor_index == 2);  // carol keeps her index
    REQUIRE(s.relation_count() == 1);           // c1 → a1 only
    CHECK(s.relation_at(std::size_t{0}).type == relation_type::contradicts);
}

TEST_CASE("replay: one snapshot per distinct time, undated statements in all") {
    const case_model c = story();
    timeline_options o{};
    o.infer = false;  // the relations above only, so the strengths can be derived by hand
    o.actors.algorithm = "voting";
    const timeline_result t = replay_timeline(c, find_gradual_semantics("df-quad"), o);
    CHECK(t.undated == 1);
    REQUIRE(t.steps.size() == 3);
    CHECK(t.steps[0].as_of.text() == "2025-01");
    CHECK(t.steps[1].as_of.text() == "2025-02-03");
    CHECK(t.steps[2].as_of.text() == "2025-03");
    CHECK(t.steps[0].arrived == std::vector<statement_index>{0});
    CHECK(t.steps[1].arrived == std::vector<statement_index>{1});
    CHECK(t.steps[2].arrived == std::vector<statement_index>{2});
    CHECK(t.steps[0].statements == 2);  // a1 and the undated d1
    CHECK(t.steps[2].statements == 4);
    CHECK(t.steps[2].relations == 3);
    // DF-QuAD (Rago et al. 2016), base 0.5 everywhere, σ(x) = v0 − v0·|v_a − v_s| when the
    // attack aggregate v_a ≥ the support aggregate v_s, else v0 + (1 − v0)·|v_a − v_s|, with
    // v = 1 − ∏(1 − σ):
    //   2025-01: d1 supports a1: v_s = 0.5, v_a = 0 → σ(a1) = 0.5 + 0.5·0.5 = 0.75.
    //   2025-02-03: + b1 attacks: v_a = 0.5 = v_s → σ(a1) = 0.5.
    //   2025-03: + c1 attacks: v_a = 1 − 0.5·0.5 = 0.75 → σ(a1) = 0.5 − 0.5·0.25 = 0.375.
    CHECK(t.steps[0].strength[0] == doctest::Approx(0.75));
    CHECK(t.steps[1].strength[0] == doctest::Approx(0.5));
    CHECK(t.steps[2].strength[0] == doctest::Approx(0.375));
    CHECK(std::isnan(t.steps[0].strength[1]));  // b1 not yet said
    CHECK(t.steps[0].strength[3] == doctest::Approx(0.5));
    // Voting: one voice for "true" at first; one each on 2025-02-03 (a tie: no verdict); two
    // against one on 2025-03.
    REQUIRE(t.steps[0].propositions.size() == 1);
    CHECK(t.steps[0].propositions[0].verdict == std::optional<std::string>("true"));
    CHECK_FALSE(t.steps[1].propositions[0].verdict.has_value());
    CHECK(t.steps[2].propositions[0].verdict == std::optional<std::string>("false"));
    CHECK(std::isnan(t.steps[0].credibility[1]));  // bob has not spoken
    CHECK(t.converged());
    // The run over all steps: three snapshots, each one voting round and one exact pass of the
    // acyclic graph, so 6 iterations, nothing left to converge.
    CHECK(t.run.ok());
    CHECK(t.run.converged);
    CHECK(t.run.iterations == 6);
    CHECK(t.run.warnings.empty());

    SUBCASE("the document lists what each date changed") {
        const std::string text = report::write_text(explain::timeline_document(c, t));
        CHECK(text.find("verdict on bridge-open changes: no verdict \u2192 false") != std::string::npos);
        CHECK(text.find("strength of a1: 0.500 \u2192 0.375") != std::string::npos);
        const auto j = report::timeline_to_json(c, t);
        CHECK(j["format"] == "narrative-timeline/1");
        CHECK(j["steps"][1]["propositions"][0]["verdict"].is_null());
        CHECK(j["steps"][0]["credibility"]["bob"].is_null());
        CHECK(j["run"]["status"] == "ok");
        CHECK(j["run"]["iterations"] == 6);
    }
}

TEST_CASE("replay refuses more dates than allowed, naming the count") {
    const case_model c = story();
    timeline_options o{};
    o.max_steps = 2;
    CHECK_THROWS_WITH_AS((void)replay_timeline(c, find_gradual_semantics("df-quad"), o),
                         doctest::Contains("3 distinct times, more than the 2"), rule_error);
}
