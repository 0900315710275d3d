// SPDX-License-Identifier: MIT
// The example's own test: the user semantics run in the library's engine and registry.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "custom_semantics.hpp"

#include <narrative/gradual/registry.hpp>
#include <narrative/principles/principles.hpp>

#include <doctest/doctest.h>

#include <vector>

static_assert(narrative::influence<my::mlp_influence>);
static_assert(narrative::aggregation<my::mean_aggregation>);
static_assert(narrative::gradual_semantics<my::mlp_based>);
static_assert(narrative::gradual_semantics<my::half_top>);

namespace {
// a = 0 (0.5) attacked by b = 1 (0.7) and d = 3 (0.4), supported by c = 2 (0.3).
narrative::compiled_graph illustrative() {
    const std::vector<narrative::compiled_arc> arcs{
        {.from = 1, .to = 0, .weight = 1.0, .type = narrative::relation_type::contradicts, .relation = 0},
        {.from = 2, .to = 0, .weight = 1.0, .type = narrative::relation_type::supports, .relation = 1},
        {.from = 3, .to = 0, .weight = 1.0, .type = narrative::relation_type::contradicts, .relation = 2}};
    return narrative::compiled_graph::from_arcs(4, arcs, {0.5, 0.7, 0.3, 0.4});
}
}  // namespace

TEST_SUITE("examples.custom_semantics") {
    // Semantics reference §3.8: mlp-based (unit weights) gives σ(a) = 0.310026.
    TEST_CASE("the mlp-based semantics reproduces the reference value") {
        const auto r = narrative::score(illustrative(), my::mlp_based{});
        CHECK(r.run.converged);
        CHECK(r.strength[0] == doctest::Approx(0.310026).epsilon(5e-7));
    }
    // hand-derived: mean aggregate = 0.3 − (0.7 + 0.4)/2 = −0.25; 2-max(1):
    // 0.5 − 0.5·0.0625/1.0625 = 0.470588235294118.
    TEST_CASE("the mean aggregation works with a library influence") {
        const auto r = narrative::score(illustrative(), my::mean_energy{});
        CHECK(r.strength[0] == doctest::Approx(0.470588235294118).epsilon(1e-12));
    }
    // hand-derived: strongest attacker 0.7, supporter 0.3: 0.5·0.65 = 0.325,
    // 0.325 + (1 − 0.325)·0.15 = 0.42625.
    TEST_CASE("a semantics written from scratch runs in the engine") {
        const auto r = narrative::score(illustrative(), my::half_top{});
        CHECK(r.strength[0] == doctest::Approx(0.42625).epsilon(1e-12));
    }
    TEST_CASE("a user semantics can be registered and found by name") {
        narrative::gradual_registry reg = narrative::make_builtin_gradual_registry();
        reg.add(my::mlp_based{}, "sum aggregation + MLP influence");
        CHECK(reg.at("mlp-based").score(illustrative()).strength[0] ==
              doctest::Approx(0.310026).epsilon(5e-7));
    }
    // Semantics reference §3.7: MLP-based is dual, open-minded and bounded in (0, 1).
    TEST_CASE("the kit confirms the principles of the mlp-based semantics") {
        for (const auto p : {narrative::principle::balance, narrative::principle::duality,
                             narrative::principle::franklin, narrative::principle::monotonicity,
                             narrative::principle::directionality}) {
            const auto r = narrative::check_principle(p, my::mlp_based{});
            CHECK_MESSAGE(r.holds, r.to_string());
        }
        CHECK_FALSE(narrative::check_principle(narrative::principle::duality, my::half_top{}).holds);
    }
}
