// SPDX-License-Identifier: MIT
// Tests of the algorithm registry and verdicts.

#include <narrative/credibility/credibility.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("credibility.registry") {
    TEST_CASE("the registry has the ten CLI names in order") {
        const char* names[] = {"voting", "sums", "average-log", "investment", "pooled-investment",
                               "truthfinder", "2-estimates", "3-estimates", "stance-em", "evidence-em"};
        REQUIRE(narrative::credibility_algorithms().size() == 10);
        for (std::size_t i = 0; i < 10; ++i) CHECK(narrative::credibility_algorithms()[i].name == names[i]);
    }
    TEST_CASE("an unknown name is a rule error listing the valid names") {
        try {
            (void)narrative::find_credibility_algorithm("pagerank");
            FAIL("no exception");
        } catch (const narrative::rule_error& e) {
            CHECK(std::string(e.what()).find("valid: voting, sums") != std::string::npos);
        }
    }
    TEST_CASE("every algorithm reports empty on a problem without observations") {
        narrative::truth_problem_builder b;
        b.actor("a");
        b.object("o", true);
        const auto p = b.build();
        for (const auto& a : narrative::credibility_algorithms()) {
            const auto r = a.run(p, {});
            CHECK(r.run.status == narrative::run_status::empty);
            CHECK(r.algorithm == a.name);
            CHECK(r.belief.size() == 2);
        }
    }
    TEST_CASE("a bad option is a rule error") {
        narrative::truth_problem_builder b;
        b.object("o", true);
        const auto p = b.build();
        CHECK_THROWS_AS((void)narrative::run_credibility("sums", p, {.max_iterations = 0u}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::run_credibility("truthfinder", p, {.truthfinder_gamma = -1.0}),
                        narrative::rule_error);
    }
}

TEST_SUITE("credibility.verdict") {
    TEST_CASE("the verdict is the best claim and a tie has none") {
        narrative::truth_problem_builder b;
        const auto o = b.object("o", false);
        b.value(o, "a");
        b.value(o, "b");
        b.value(o, "c");
        const auto p = b.build();
        narrative::credibility_result r{.belief = {0.2, 0.7, 0.7}};
        CHECK_FALSE(narrative::verdict(p, r, 0).has_value());
        CHECK(narrative::top_claims(p, r, 0) == std::vector<std::uint32_t>{1, 2});
        r.belief = {0.2, 0.7, 0.1};
        CHECK(narrative::verdict(p, r, 0) == 1u);
        r.belief = {0.0, 0.0, 0.0};
        CHECK_FALSE(narrative::verdict(p, r, 0).has_value());
        CHECK(narrative::top_claims(p, r, 0).empty());
    }
    // Investment's beliefs of Chattanooga's Population2000 values in the Population data set
    // (Pasternack & Roth 2010), 7.63e-18 against 8.19e-30: far below 1, and nothing alike. An
    // absolute tolerance of 1e-12 tied them; ties are relative to the belief.
    TEST_CASE("beliefs far below one are compared relative to their size") {
        narrative::truth_problem_builder b;
        const auto o = b.object("o", false);
        b.value(o, "155554");
        b.value(o, "455225");
        const auto p = b.build();
        narrative::credibility_result r{.belief = {7.63e-18, 8.19e-30}};
        CHECK(narrative::verdict(p, r, 0) == 0u);
        CHECK(narrative::top_claims(p, r, 0) == std::vector<std::uint32_t>{0});
        r.belief = {1.05e-25, 0.0};
        CHECK(narrative::top_claims(p, r, 0) == std::vector<std::uint32_t>{0});
        // equal up to rounding (relative difference 1e-15): still a tie, at any scale
        r.belief = {3e-20, 3e-20 * (1.0 + 1e-15)};
        CHECK_FALSE(narrative::verdict(p, r, 0).has_value());
        CHECK(narrative::top_claims(p, r, 0) == std::vector<std::uint32_t>{0, 1});
    }
}
