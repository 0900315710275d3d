// SPDX-License-Identifier: MIT
// Aggregations and influences on their own, against the formulas of the semantics reference §2.

#include <narrative/gradual/components.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

static_assert(narrative::aggregation<narrative::sum_aggregation>);
static_assert(narrative::aggregation<narrative::product_aggregation>);
static_assert(narrative::aggregation<narrative::top_aggregation>);
static_assert(narrative::aggregation<narrative::attack_sum_aggregation>);
static_assert(narrative::aggregation<narrative::attack_max_aggregation>);
static_assert(narrative::aggregation<narrative::attack_card_aggregation>);
static_assert(narrative::influence<narrative::linear_influence>);
static_assert(narrative::influence<narrative::p_max_influence>);
static_assert(narrative::influence<narrative::euler_influence>);
static_assert(narrative::influence<narrative::naive_influence>);
static_assert(narrative::influence<narrative::categorizer_influence>);
static_assert(narrative::influence<narrative::unit_categorizer_influence>);
static_assert(!narrative::aggregation<int>);

namespace {
// σ = (0.7, 0.4, 0.3): statements 0 and 1 attack, 2 supports (the §3.8 parents b, d, c).
const std::array<double, 3> sigma{0.7, 0.4, 0.3};
const std::array<std::uint32_t, 2> att_src{0, 1};
const std::array<std::uint32_t, 1> sup_src{2};
const std::array<double, 2> ones2{1.0, 1.0};
const std::array<double, 1> ones1{1.0};
const narrative::parent_view att{.source = att_src, .weight = ones2};
const narrative::parent_view sup{.source = sup_src, .weight = ones1};
const narrative::parent_view none{};
}  // namespace

TEST_SUITE("gradual.components") {
    // Semantics reference §3.8: sum −0.8, product (0.3·0.6) − 0.7 = −0.52, top 0.3 − 0.7 = −0.4.
    TEST_CASE("aggregations give the aggregates of the illustrative example") {
        CHECK(narrative::sum_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-0.8));
        CHECK(narrative::product_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-0.52));
        CHECK(narrative::top_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-0.4));
        // attack-only: supporters ignored; card: −(2 + 1.1/2) = −2.55
        CHECK(narrative::attack_sum_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-1.1));
        CHECK(narrative::attack_max_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-0.7));
        CHECK(narrative::attack_card_aggregation{}.aggregate(sigma, att, sup) == doctest::Approx(-2.55));
    }

    TEST_CASE("every aggregation is zero without parents") {
        CHECK(narrative::sum_aggregation{}.aggregate(sigma, none, none) == 0.0);
        CHECK(narrative::product_aggregation{}.aggregate(sigma, none, none) == 0.0);
        CHECK(narrative::top_aggregation{}.aggregate(sigma, none, none) == 0.0);
        CHECK(narrative::attack_sum_aggregation{}.aggregate(sigma, none, none) == 0.0);
        CHECK(narrative::attack_max_aggregation{}.aggregate(sigma, none, none) == 0.0);
        CHECK(narrative::attack_card_aggregation{}.aggregate(sigma, none, none) == 0.0);
    }

    TEST_CASE("every influence keeps the base score at a zero aggregate") {
        for (const double tau : {0.0, 0.3, 0.5, 1.0}) {
            CHECK(narrative::linear_influence{}.apply(tau, 0.0) == doctest::Approx(tau));
            CHECK(narrative::p_max_influence{}.apply(tau, 0.0) == doctest::Approx(tau));
            CHECK(narrative::euler_influence{}.apply(tau, 0.0) == doctest::Approx(tau));
            CHECK(narrative::naive_influence{}.apply(tau, 0.0) == doctest::Approx(tau));
            CHECK(narrative::categorizer_influence{}.apply(tau, 0.0) == doctest::Approx(tau));
        }
    }

    // Semantics reference §2.2 and §3.8 (τ = 0.5, s = −0.8): linear(1) 0.1, linear(2) 0.3,
    // 2-max(1) 0.304878, euler 0.387587; §3.8 sd-df-quad (1-max(1), s = −0.52) 0.328947.
    TEST_CASE("influences reproduce the reference values") {
        CHECK(narrative::linear_influence{}.apply(0.5, -0.8) == doctest::Approx(0.1));
        CHECK(narrative::linear_influence{.k = 2.0}.apply(0.5, -0.8) == doctest::Approx(0.3));
        CHECK(narrative::p_max_influence{}.apply(0.5, -0.8) == doctest::Approx(0.304878).epsilon(5e-7));
        CHECK(narrative::euler_influence{}.apply(0.5, -0.8) == doctest::Approx(0.387587).epsilon(5e-7));
        CHECK(narrative::p_max_influence{.p = 1.0, .k = 1.0}.apply(0.5, -0.52) ==
              doctest::Approx(0.328947).epsilon(5e-7));
    }

    TEST_CASE("bounded influences stay in the unit interval for extreme aggregates") {
        const double big = std::numeric_limits<double>::max();
        CHECK(narrative::p_max_influence{}.apply(0.5, big) == doctest::Approx(1.0));
        CHECK(narrative::p_max_influence{}.apply(0.5, -big) == doctest::Approx(0.0));
        CHECK(narrative::euler_influence{}.apply(0.5, 1000.0) == doctest::Approx(1.0));
        // Amgoud & Ben-Naim (2018): attack cannot push the Euler strength below τ²
        CHECK(narrative::euler_influence{}.apply(0.5, -1000.0) == doctest::Approx(0.25));
    }
}
