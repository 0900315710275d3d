// SPDX-License-Identifier: MIT
// evidence-em: one round by hand, the dependence discount within a group, supersession in
// time, findings superseding findings, calibrated beliefs on mixed evidence, and the options.

#include <narrative/credibility/credibility.hpp>
#include <narrative/io/case_json.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <string>

namespace {

using narrative::stance;

narrative::observation_details dated(std::int64_t year, narrative::evidence_kind kind = narrative::evidence_kind::claim,
                                     std::optional<narrative::interest> interest = std::nullopt) {
    // Whole seconds stand for the years: only the order of the intervals matters here.
    return {.evidence = kind, .interest = interest, .dated = true, .time_start = {.seconds = year, .nanoseconds = 0},
            .time_end = {.seconds = year + 1, .nanoseconds = 0}};
}

const narrative::evidence_vote& vote_of(const narrative::evidence_model_result& r, std::uint32_t statement) {
    for (const auto& v : r.votes)
        if (v.statement == statement) return v;
    FAIL("no vote for statement " << statement);
    return r.votes.front();
}

}  // namespace

TEST_SUITE("credibility.evidence_em") {
    TEST_CASE("one round by hand: a finding against a plain denial") {
        // Actor a states x as a finding (ρ = 8), actor b denies it as a plain claim; both start
        // at the default accuracy 0.7, so their actor terms ln(0.7/0.3) cancel and
        // P₁(true) = 8 / (8 + 1) = 8/9. M-step (a₀ = 2, one position each):
        //   A_a = (2·0.7 + 8/9) / 3 = 103/135,  A_b = (2·0.7 + 1/9) / 3 = 68/135.
        // The reported beliefs are those of these accuracies:
        //   odds(true) = 8 · (103/32) / (68/67) = 6901/272,  P(true) = 6901/7173.
        narrative::truth_problem_builder b;
        const auto a = b.actor("a"), d = b.actor("b");
        const auto x = b.object("x", true);
        b.observe(a, x, "true", stance::asserts, 0, dated(2000, narrative::evidence_kind::finding));
        b.observe(d, x, "true", stance::denies, 1, dated(2000));
        narrative::evidence_model_options o{};
        o.max_iterations = 1;
        const auto r = narrative::evidence_em_detailed(b.build(), o);
        CHECK(r.scores.run.iterations == 1);
        CHECK_FALSE(r.scores.run.converged);
        CHECK(r.scores.run.status == narrative::run_status::no_convergence);
        CHECK(r.scores.credibility[a] == doctest::Approx(103.0 / 135.0).epsilon(1e-12));
        CHECK(r.scores.credibility[d] == doctest::Approx(68.0 / 135.0).epsilon(1e-12));
        CHECK(r.scores.belief[0] == doctest::Approx(6901.0 / 7173.0).epsilon(1e-12));
        CHECK(r.scores.belief[1] == doctest::Approx(272.0 / 7173.0).epsilon(1e-12));
        CHECK(vote_of(r, 0).log_evidence == doctest::Approx(std::log(8.0)).epsilon(1e-15));
        CHECK(vote_of(r, 0).weight == doctest::Approx(std::log(103.0 / 32.0) + std::log(8.0)).epsilon(1e-12));
        CHECK(vote_of(r, 1).claim == 1);  // a denial of a yes/no claim is a vote for "false"
    }

    TEST_CASE("voices of one group count as one with a discount of c for each stronger voice") {
        // Three officials of one group assert x; I = 1, 1 − c, (1 − c)² with c = 0.8 (Dong et al.
        // 2009: I(s) = Π over the providers before s of (1 − c·D), D = 1 within a group).
        narrative::truth_problem_builder b;
        const auto x = b.object("x", true);
        for (std::uint32_t i = 0; i < 3; ++i)
            b.observe(b.actor("official-" + std::to_string(i), std::nullopt, "government"), x, "true", stance::asserts, i, dated(2000));
        const auto inquiry = b.actor("inquiry", std::nullopt, "inquiry");
        b.observe(inquiry, x, "true", stance::denies, 3, dated(2001));
        narrative::evidence_model_options o{};
        o.detect_copying = false;
        const auto r = narrative::evidence_em_detailed(b.build(), o);
        CHECK(vote_of(r, 0).dependence == 1.0);
        CHECK(vote_of(r, 1).dependence == doctest::Approx(0.2).epsilon(1e-15));
        CHECK(vote_of(r, 2).dependence == doctest::Approx(0.04).epsilon(1e-15));
        CHECK(vote_of(r, 1).same_group);
        CHECK(vote_of(r, 1).depends_on == 0);
        CHECK(vote_of(r, 3).dependence == 1.0);
        // Without groups the three outvote the one: 3 against 1 at equal weight.
        narrative::truth_problem_builder free;
        const auto y = free.object("y", true);
        for (std::uint32_t i = 0; i < 3; ++i)
            free.observe(free.actor("official-" + std::to_string(i)), y, "true", stance::asserts, i, dated(2000));
        free.observe(free.actor("inquiry"), y, "true", stance::denies, 3, dated(2001));
        const auto independent = narrative::evidence_em_detailed(free.build(), o);
        CHECK(independent.scores.belief[0] > 0.9);
        // With the group, 1 + 0.2 + 0.04 = 1.24 voices against 1: still true, far less sure.
        CHECK(r.scores.belief[0] > 0.5);
        CHECK(r.scores.belief[0] < independent.scores.belief[0] - 0.2);
    }

    TEST_CASE("an actor's later position supersedes its earlier one but both are judged") {
        // x: a asserts in 1964 and retracts in 1995; b and c deny. The 1964 vote carries no
        // weight (superseded by the 1995 statement), yet a's accuracy counts both positions.
        narrative::truth_problem_builder b;
        const auto a = b.actor("a"), c1 = b.actor("b"), c2 = b.actor("c");
        const auto x = b.object("x", true);
        b.observe(a, x, "true", stance::asserts, 0, dated(1964));
        b.observe(a, x, "true", stance::asserts, 1, dated(1968));
        b.observe(a, x, "true", stance::denies, 2, dated(1995, narrative::evidence_kind::claim, narrative::interest::against_interest));
        b.observe(c1, x, "true", stance::denies, 3, dated(1970));
        b.observe(c2, x, "true", stance::denies, 4, dated(1971));
        const auto r = narrative::evidence_em_detailed(b.build());
        CHECK(vote_of(r, 0).role == narrative::vote_role::superseded);
        CHECK(vote_of(r, 0).superseded_by == 2);
        CHECK(vote_of(r, 1).role == narrative::vote_role::superseded);
        CHECK(vote_of(r, 0).weight == 0.0);
        CHECK(vote_of(r, 2).role == narrative::vote_role::counted);
        CHECK(vote_of(r, 2).log_interest == doctest::Approx(std::log(4.0)).epsilon(1e-15));
        CHECK(r.positions[a] == 2);
        CHECK(r.scores.belief[1] > 0.9);  // "false"
        // a was wrong once and right once: below the two who were right throughout.
        CHECK(r.scores.credibility[a] < r.scores.credibility[c1]);
        // Repetition is not corroboration: a second identical statement is a repeat.
        narrative::truth_problem_builder rb;
        const auto ra = rb.actor("a");
        const auto rx = rb.object("x", true);
        rb.observe(ra, rx, "true", stance::asserts, 0, dated(2000));
        rb.observe(ra, rx, "true", stance::asserts, 1, dated(2001, narrative::evidence_kind::testimony));
        const auto rr = narrative::evidence_em_detailed(rb.build());
        CHECK(vote_of(rr, 0).role == narrative::vote_role::repeat);  // the testimony is the stronger
        CHECK(vote_of(rr, 1).role == narrative::vote_role::counted);
    }

    TEST_CASE("statements of overlapping times stand side by side") {
        // "2025" and "2025-05" overlap: neither was certainly said after the other, so the
        // actor's two positions both count (the self-contradiction analysis calls them
        // simultaneous); an undated statement neither supersedes nor is superseded.
        narrative::truth_problem_builder b;
        const auto a = b.actor("a");
        const auto x = b.object("x", true);
        b.observe(a, x, "true", stance::denies, 0, {.evidence = narrative::evidence_kind::claim, .interest = std::nullopt,
                                                    .dated = true, .time_start = {.seconds = 2025'00, .nanoseconds = 0},
                                                    .time_end = {.seconds = 2026'00, .nanoseconds = 0}});
        b.observe(a, x, "true", stance::asserts, 1, {.evidence = narrative::evidence_kind::claim, .interest = std::nullopt,
                                                     .dated = true, .time_start = {.seconds = 2025'05, .nanoseconds = 0},
                                                     .time_end = {.seconds = 2025'06, .nanoseconds = 0}});
        b.observe(a, x, "true", stance::denies, 2);  // undated
        const auto r = narrative::evidence_em_detailed(b.build());
        CHECK(vote_of(r, 1).role == narrative::vote_role::counted);
        // Statements 0 and 2 take one position with equal strength: the first in time order
        // (undated ones first) is counted, the other is a repeat; none is superseded.
        CHECK(vote_of(r, 2).role == narrative::vote_role::counted);
        CHECK(vote_of(r, 0).role == narrative::vote_role::repeat);
        CHECK(r.positions[a] == 2);
    }

    TEST_CASE("a later finding supersedes an earlier finding of the opposite position") {
        narrative::truth_problem_builder b;
        const auto x = b.object("x", true);
        b.observe(b.actor("agency"), x, "true", stance::asserts, 0, dated(2015, narrative::evidence_kind::finding));
        b.observe(b.actor("task-force"), x, "true", stance::denies, 1, dated(2016, narrative::evidence_kind::finding));
        b.observe(b.actor("lab"), x, "true", stance::denies, 2, dated(2014, narrative::evidence_kind::finding));
        const auto r = narrative::evidence_em_detailed(b.build());
        CHECK(vote_of(r, 0).role == narrative::vote_role::superseded);
        CHECK(vote_of(r, 0).superseded_by == 1);
        CHECK(vote_of(r, 2).role == narrative::vote_role::counted);  // same position as the latest
        narrative::evidence_model_options keep{};
        keep.supersede_findings = false;
        CHECK(vote_of(narrative::evidence_em_detailed(b.build(), keep), 0).role == narrative::vote_role::counted);
    }

    TEST_CASE("mixed evidence gives a calibrated belief not a certainty") {
        // Two plain denials against one plain assertion by three independent actors.
        narrative::truth_problem_builder b;
        const auto x = b.object("x", true);
        b.observe(b.actor("a"), x, "true", stance::asserts, 0, dated(2000));
        b.observe(b.actor("b"), x, "true", stance::denies, 1, dated(2000));
        b.observe(b.actor("c"), x, "true", stance::denies, 2, dated(2000));
        const auto r = narrative::evidence_em(b.build());
        CHECK(r.run.status == narrative::run_status::ok);
        CHECK(r.belief[1] > 0.6);
        CHECK(r.belief[1] < 0.95);
    }

    TEST_CASE("a denial of one value among several is evidence and the actor gets a credibility") {
        narrative::truth_problem_builder b;
        const auto x = b.object("who", false);
        for (const char* v : {"us", "india", "pakistan"}) b.value(x, v);
        const auto a = b.actor("a"), d = b.actor("d");
        b.observe(a, x, "india", stance::asserts, 0, dated(2000));
        b.observe(d, x, "us", stance::denies, 1, dated(2000));
        const auto r = narrative::evidence_em_detailed(b.build());
        CHECK(vote_of(r, 1).sign == -1);
        CHECK(std::isfinite(r.scores.credibility[d]));
        CHECK(r.scores.belief[0] < r.scores.belief[2]);  // "us" (denied) below "pakistan" (silent)
        // The classic methods drop such a denial: the actor has no vote and no credibility.
        CHECK(std::isnan(narrative::voting(b.build()).credibility[d]));
    }

    TEST_CASE("reports and anonymous statements carry no vote") {
        narrative::truth_problem_builder b;
        const auto x = b.object("x", true);
        const auto outlet = b.actor("outlet");
        b.observe(outlet, x, "true", stance::reports, 0, dated(2000));
        const auto r = narrative::evidence_em(b.build());
        CHECK(r.run.status == narrative::run_status::empty);
        CHECK(std::isnan(r.credibility[outlet]));
    }

    TEST_CASE("bad options throw rule_error") {
        narrative::truth_problem_builder b;
        b.observe(b.actor("a"), b.object("x", true), "true", stance::asserts);
        const auto p = b.build();
        auto with = [&](auto change) {
            narrative::evidence_model_options o{};
            change(o);
            return o;
        };
        CHECK_THROWS_AS((void)narrative::evidence_em(p, with([](auto& o) { o.weights.finding = 0.0; })), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::evidence_em(p, with([](auto& o) { o.weights.document = std::nan(""); })), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::evidence_em(p, with([](auto& o) { o.default_accuracy = 1.0; })), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::evidence_em(p, with([](auto& o) { o.copy_probability = 1.0; })), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::evidence_em(p, with([](auto& o) { o.max_iterations = 0; })), narrative::rule_error);
    }

    TEST_CASE("the case format carries evidence and interest into the truth problem") {
        const auto c = narrative::read_case(R"({"format": "narrative/1",
            "actors": [{"id": "a", "group": "g"}, {"id": "b", "group": "g"}],
            "statements": [
              {"id": "s1", "actor": "a", "time": "1964-08-04", "evidence": "document", "interest": "self-serving",
               "claim": {"proposition": "x"}},
              {"id": "s2", "actor": "b", "claim": {"proposition": "x", "stance": "denies"}}]})", "inline", {});
        const auto p = narrative::make_truth_problem(c);
        REQUIRE(p.observations.size() == 2);
        CHECK(p.observations[0].details.evidence == narrative::evidence_kind::document);
        CHECK(p.observations[0].details.interest == narrative::interest::self_serving);
        CHECK(p.observations[0].details.dated);
        CHECK(p.observations[1].details.evidence == narrative::evidence_kind::claim);
        CHECK_FALSE(p.observations[1].details.interest);
        CHECK_FALSE(p.observations[1].details.dated);
        CHECK(p.actor_group[0] == p.actor_group[1]);
        CHECK(p.group_ids.at(p.actor_group[0]) == "g");
    }
}
