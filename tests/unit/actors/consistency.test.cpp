// SPDX-License-Identifier: MIT
// Tests of the per-actor consistency report: hand-computed scores on small cases and the
// worked ceasefire case.

#include <narrative/actors/consistency.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace {

narrative::statement said(const std::string& id, const std::string& actor, const std::string& time,
                          std::optional<narrative::claim> cl) {
    return {.id = id, .actor = actor, .time = narrative::time_point::parse(time), .claim = std::move(cl)};
}

narrative::claim yes(const std::string& p) { return {.proposition = p, .stance = narrative::stance::asserts}; }
narrative::claim no(const std::string& p) { return {.proposition = p, .stance = narrative::stance::denies}; }

// A says p (s1, repeated as s3) and not p (s2), s1 and s2 contradicting with weight w;
// B says p (s4); C's claimless s5 contradicts s4.
narrative::case_model fixture(double w, const std::string& t2) {
    narrative::case_model c;
    c.add_actor({.id = "A"});
    c.add_actor({.id = "B"});
    c.add_actor({.id = "C"});
    c.add_statement(said("s1", "A", "2020", yes("p")));
    c.add_statement(said("s2", "A", t2, no("p")));
    c.add_statement(said("s3", "A", "2020", yes("p")));
    c.add_statement(said("s4", "B", "2020", yes("p")));
    c.add_statement(said("s5", "C", "2020", std::nullopt));
    c.relate("s1", "s2", {.type = narrative::relation_type::contradicts, .weight = w});
    c.relate("s5", "s4", {.type = narrative::relation_type::contradicts, .directed = true});
    return c;
}

const narrative::actor_consistency& of(const narrative::consistency_report& r, const narrative::case_model& c,
                                       const std::string& id) {
    return r.actors.at(*c.find_actor(id));
}

}  // namespace

TEST_SUITE("actors.consistency") {
    TEST_CASE("repetitions collapse and a simultaneous tension lowers self consistency by its weight") {
        const auto c = fixture(0.5, "2020");
        const auto r = narrative::actor_consistency_report(c, {.algorithm = "voting"});
        const auto& a = of(r, c, "A");
        CHECK(a.statements == 3);
        CHECK(a.positions == 2);  // {s1, s3} asserts p, {s2} denies p
        // hand-derived: both positions have their heaviest tension 0.5: 1 − (0.5 + 0.5)/2.
        REQUIRE(a.self_consistency.value.has_value());
        CHECK(*a.self_consistency.value == doctest::Approx(0.5));
        REQUIRE(a.self_explanation.size() == 1);
        CHECK(a.self_explanation[0].kind == narrative::explanation_kind::tension);
        CHECK(a.self_explanation[0].detail.find("simultaneous, direct") != std::string::npos);
    }
    TEST_CASE("actors past the self-contradiction search's work limit have no self-consistency") {
        // The fixture plus actor D with two claimless statements in contradiction.
        auto c = fixture(0.5, "2020");
        c.add_actor({.id = "D"});
        c.add_statement(said("d1", "D", "2020", std::nullopt));
        c.add_statement(said("d2", "D", "2020", std::nullopt));
        c.relate("d1", "d2", {.type = narrative::relation_type::contradicts});
        narrative::actor_consistency_options o{.algorithm = "voting"};
        const auto full = narrative::actor_consistency_report(c, o);
        CHECK(full.self_contradictions_complete);
        // hand-derived: one contradiction of weight 1 between D's two positions: 1 − (1 + 1)/2.
        REQUIRE(of(full, c, "D").self_consistency.value.has_value());
        CHECK(*of(full, c, "D").self_consistency.value == doctest::Approx(0.0));
        // A bound of one state: A (the first actor) is searched, and nobody after it.
        o.tensions.max_states = 1;
        const auto r = narrative::actor_consistency_report(c, o);
        CHECK_FALSE(r.self_contradictions_complete);
        CHECK(full.run.ok());
        CHECK(r.run.status == narrative::run_status::limit_reached);
        // Voting is one round: the run absorbs the credibility's.
        CHECK(r.run.iterations == 1);
        REQUIRE(r.run.warnings.size() == 1);
        CHECK(r.run.warnings[0] == "the self-contradiction search stopped at its limit of 1 states after 1 of 4 "
                                   "actors; the others have no self-consistency");
        CHECK(*of(r, c, "A").self_consistency.value == doctest::Approx(0.5));
        CHECK_FALSE(of(r, c, "D").self_consistency.value.has_value());
        CHECK(of(r, c, "D").self_consistency.reason.find("not searched") == 0);
        // B has one position: the reason says so, not the search.
        CHECK(of(r, c, "B").self_consistency.reason == "fewer than two distinct positions");
    }
    TEST_CASE("a position shift counts half") {
        const auto c = fixture(0.5, "2022");
        const auto r = narrative::actor_consistency_report(c, {.algorithm = "voting"});
        // hand-derived: 0.5 · 0.5 = 0.25 per position: 1 − 0.25.
        CHECK(*of(r, c, "A").self_consistency.value == doctest::Approx(0.75));
        CHECK(of(r, c, "A").self_explanation[0].detail.find("position-shift") != std::string::npos);
    }
    TEST_CASE("external consistency averages claim belief and relation agreement per position") {
        const auto c = fixture(1.0, "2020");
        const auto r = narrative::actor_consistency_report(c, {.algorithm = "voting"});
        // Votes (majority per actor): A true (2 asserts vs 1 denial), B true: belief share of
        // "true" 1, of "false" 0.
        // hand-derived: A's positions agree 1 (asserts p) and 0 (denies p): mean 0.5.
        CHECK(*of(r, c, "A").external_consistency.value == doctest::Approx(0.5));
        // hand-derived: B asserts p (share 1); s5 has no claim, so its attack is left out: 1.
        CHECK(*of(r, c, "B").external_consistency.value == doctest::Approx(1.0));
        // hand-derived: C's claimless s5 contradicts s4, believed 1: agreement 1 − 1 = 0.
        CHECK(*of(r, c, "C").external_consistency.value == doctest::Approx(0.0));
        CHECK(of(r, c, "C").external_explanation[0].kind == narrative::explanation_kind::relation);
        // C has one position: self-consistency undefined, with a reason; no claims: no credibility.
        CHECK_FALSE(of(r, c, "C").self_consistency.value.has_value());
        CHECK(of(r, c, "C").self_consistency.reason == "fewer than two distinct positions");
        CHECK_FALSE(of(r, c, "C").credibility.value.has_value());
        CHECK(of(r, c, "C").credibility.reason == "no claims: nothing to check");
        // The proposition: true believed, verdict "true".
        REQUIRE(r.propositions.size() == 1);
        CHECK(r.propositions[0].verdict == std::string("true"));
    }
    TEST_CASE("a subnormal relation weight gives the same agreement as any other weight") {
        // One relation of weight w: agreement = w·a / w = a whatever w. With w = 5e-324 the
        // product w·a underflowed (0.5·w rounds to 0 or w), which gave 0.250 where every other
        // weight gives 0.500; weights are now taken relative to the heaviest link.
        const auto with_weight = [](const std::string& w) {
            return narrative::read_case(R"({"format": "narrative/1", "actors": [{"id": "A"}, {"id": "B"}],
                "statements": [{"id": "a", "actor": "A", "claim": {"proposition": "p"}},
                               {"id": "b", "actor": "B", "claim": {"proposition": "p", "stance": "denies"}},
                               {"id": "a2", "actor": "A", "claim": {"proposition": "q"}}],
                "relations": [{"from": "a2", "to": "b", "type": "supports", "weight": )" + w + "}]}");
        };
        const auto normal = with_weight("1");
        const auto tiny = with_weight("5e-324");
        const auto r1 = narrative::actor_consistency_report(normal, {.algorithm = "voting"});
        const auto r2 = narrative::actor_consistency_report(tiny, {.algorithm = "voting"});
        REQUIRE(of(r1, normal, "A").external_consistency.value);
        CHECK(*of(r2, tiny, "A").external_consistency.value == *of(r1, normal, "A").external_consistency.value);
    }
    TEST_CASE("an unknown algorithm is a rule error") {
        const auto c = fixture(1.0, "2020");
        CHECK_THROWS_AS((void)narrative::actor_consistency_report(c, {.algorithm = "nope"}), narrative::rule_error);
    }
}

TEST_SUITE("actors.ceasefire") {
    TEST_CASE("the ceasefire report ranks India consistent and Trump contradicted") {
        auto c = narrative::read_case_file(std::string(NARRATIVE_SOURCE_DIR) + "/examples/ceasefire/ceasefire.json");
        (void)narrative::infer_relations(c);
        const auto r = narrative::actor_consistency_report(c);
        const auto& india = of(r, c, "india-government");
        const auto& trump = of(r, c, "trump");
        const auto& pak = of(r, c, "pakistan-leadership");
        CHECK(r.credibility.run.status == narrative::run_status::ok);
        // India never contradicts itself and agrees with the evidence.
        CHECK(*india.self_consistency.value == doctest::Approx(1.0));
        CHECK(*india.external_consistency.value > 0.6);
        // Trump's claims are contradicted: the lowest external consistency and credibility of all.
        for (const auto& a : r.actors) {
            if (a.actor == trump.actor || !a.external_consistency.value) continue;
            CHECK(*trump.external_consistency.value < *a.external_consistency.value);
            if (a.credibility.value) CHECK(*trump.credibility.value < *a.credibility.value);
        }
        CHECK(*trump.external_consistency.value < 0.5);
        // Contradicted from three directions: India, Dar and the documents.
        const std::string why = trump.external_explanation.at(0).detail;
        CHECK(why.find("india-2025-05") != std::string::npos);
        CHECK(why.find("dar-2025-09") != std::string::npos);
        CHECK(why.find("documents-2026-01-08") != std::string::npos);
        // Pakistan's public and private positions are in tension.
        CHECK(*pak.self_consistency.value < 0.5);
        REQUIRE_FALSE(pak.self_explanation.empty());
        CHECK(c.statement_at(pak.self_explanation[0].statement).id == "pakistan-leadership-2025-05-private");
        CHECK(c.statement_at(*pak.self_explanation[0].other).id == "pakistan-leadership-2025-public-no-dependence");
        // The verdict on who brokered the ceasefire.
        const auto broker = std::find_if(r.propositions.begin(), r.propositions.end(),
                                         [](const auto& p) { return p.id == "ceasefire-broker"; });
        REQUIRE(broker != r.propositions.end());
        CHECK(broker->verdict == std::string("bilateral"));
        // A statement that only reports has no credibility, with the reason.
        CHECK(of(r, c, "sept-2025-article").credibility.reason == "only reports claims, never asserts or denies");
    }
}
