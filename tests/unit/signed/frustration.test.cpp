// SPDX-License-Identifier: MIT
// The frustration index: hand-computed small graphs, the worked examples of the signed-graphs
// reference (§8), exact against brute force on random graphs, bounds bracketing the exact value.

#include <narrative/signed/frustration.hpp>

#include "signed_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

using narrative::compute_frustration;
using narrative::frustration_options;
using narrative::signed_edge;
using narrative::signed_graph;

using narrative::fixtures::neg;
using narrative::fixtures::pos;

signed_graph k4(int negatives) {
    // Edges in order 01 02 03 12 13 23; the first `negatives` are contradictions.
    std::vector<signed_edge> e{};
    int i = 0;
    for (std::uint32_t u = 0; u < 4; ++u)
        for (std::uint32_t v = u + 1; v < 4; ++v) e.push_back(i++ < negatives ? neg(u, v) : pos(u, v));
    return signed_graph::from_edges(4, e);
}

// Signed-graphs reference §7: camps P = {p1, p2}, Q = {q1, q2}; c supports p1 and q2.
// Numbering: p1 0, p2 1, q1 2, q2 3, c 4.
signed_graph compound_example() {
    return signed_graph::from_edges(
        5, {pos(0, 1), pos(2, 3), neg(0, 2), neg(1, 3), pos(4, 0), pos(4, 3)});
}

frustration_options bounds_only() {
    frustration_options o{};
    o.exact_max_statements = 0;
    return o;
}

// A ring of 40 statements with one contradiction (L = 1), and options that send it through
// power iteration (too large for the dense eigensolver, too small a gap for fewer iterations).
signed_graph ring_with_one_contradiction() {
    std::vector<signed_edge> e{};
    for (std::uint32_t v = 0; v < 40; ++v) e.push_back(v == 0 ? neg(v, (v + 1) % 40) : pos(v, (v + 1) % 40));
    return signed_graph::from_edges(40, e);
}
frustration_options power_iteration_only() {
    frustration_options o = bounds_only();
    o.dense_spectral_max = 10;
    o.power_iterations = 3000;
    return o;
}

signed_graph random_graph(std::mt19937& rng, std::uint32_t n, double density, bool weighted) {
    std::vector<signed_edge> e{};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t v = u + 1; v < n; ++v) {
            if (unit(rng) >= density) continue;
            const double w = weighted ? 0.05 + 0.95 * unit(rng) : 1.0;
            e.push_back(unit(rng) < 0.5 ? neg(u, v, w) : pos(u, v, w));
        }
    return signed_graph::from_edges(n, e);
}

}  // namespace

TEST_SUITE("signed.frustration") {
    TEST_CASE("the triangles of the reference table have frustration 1 or 0") {
        // Signed-graphs reference §8: + + + → 0, + + − → 1, + − − → 0, − − − → 1.
        const auto t = [](int negatives) {
            std::vector<signed_edge> e{pos(0, 1), pos(1, 2), pos(0, 2)};
            for (int i = 0; i < negatives; ++i) e[static_cast<std::size_t>(i)].sign = -1;
            return compute_frustration(signed_graph::from_edges(3, e));
        };
        CHECK(t(0).upper_bound == 0.0);
        CHECK(t(1).upper_bound == doctest::Approx(1.0));
        CHECK(t(1).exact);
        CHECK(t(1).frustrated_edges.size() == 1);
        CHECK(t(2).upper_bound == 0.0);
        CHECK(t(3).upper_bound == doctest::Approx(1.0));
    }

    TEST_CASE("K4 examples of the reference have the tabulated frustration") {
        // Signed-graphs reference §8: K4 all negative L = 2; all positive but one edge L = 1;
        // K4 as two camps of two (negatives 02 03 12 13) L = 0.
        CHECK(compute_frustration(k4(6)).upper_bound == doctest::Approx(2.0));
        CHECK(compute_frustration(k4(1)).upper_bound == doctest::Approx(1.0));
        const auto two_camps = signed_graph::from_edges(
            4, {pos(0, 1), neg(0, 2), neg(0, 3), neg(1, 2), neg(1, 3), pos(2, 3)});
        const auto r = compute_frustration(two_camps);
        CHECK(r.upper_bound == 0.0);
        CHECK(r.components.empty());
        CHECK(r.side[0] == r.side[1]);
        CHECK(r.side[0] != r.side[2]);
    }

    TEST_CASE("the spectral bound is tight on K4 all negative and rounds up for one negative edge") {
        // Signed-graphs reference §8: K4 all negative λ_min = 2, bound 4·2/4 = 2 (tight);
        // K4 with one negative edge λ_min = 3 − √5 ≈ 0.764, bound 0.764 → ≥ 1 for unit weights.
        const auto all_negative = compute_frustration(k4(6), bounds_only());
        REQUIRE(all_negative.components.size() == 1);
        CHECK(all_negative.components[0].lambda_min == doctest::Approx(2.0).epsilon(1e-9));
        CHECK(all_negative.components[0].lambda_certified);
        CHECK(all_negative.lower_bound == doctest::Approx(2.0));
        CHECK(all_negative.upper_bound == doctest::Approx(2.0));
        CHECK(all_negative.exact);
        const auto one = compute_frustration(k4(1), bounds_only());
        CHECK(one.components[0].lambda_min == doctest::Approx(3.0 - std::sqrt(5.0)).epsilon(1e-9));
        CHECK(one.lower_bound == doctest::Approx(1.0));
        CHECK(one.components[0].lower_method == narrative::bound_method::spectral);
    }

    TEST_CASE("the compound example has frustration 1 and flags the compound statement") {
        // Signed-graphs reference §7: L = 1, λ_min ≈ 0.438, spectral bound 0.548 → ≥ 1;
        // tornness c 1/2, p1 and q2 1/3 (whichever of c-p1 or c-q2 is violated).
        const auto g = compound_example();
        const auto r = compute_frustration(g);
        CHECK(r.upper_bound == doctest::Approx(1.0));
        CHECK(r.exact);
        const auto b = compute_frustration(g, bounds_only());
        CHECK(b.components[0].lambda_min == doctest::Approx(0.438).epsilon(1e-3));
        CHECK(b.lower_bound == doctest::Approx(1.0));
        const auto cands = narrative::compound_candidates(g, r);
        REQUIRE_FALSE(cands.empty());
        CHECK(cands.front().statement == 4);
        CHECK(cands.front().flagged);
        CHECK(cands.front().tornness == doctest::Approx(0.5));
        int flagged = 0;
        for (const auto& c : cands) flagged += c.flagged ? 1 : 0;
        CHECK(flagged == 1);
    }

    TEST_CASE("weighted triangles drop their lightest frustrating relation") {
        // hand-derived: a-b + 1, b-c + 0.5, a-c − 0.3: one edge must go, the lightest is a-c.
        const auto r = compute_frustration(
            signed_graph::from_edges(3, {pos(0, 1, 1.0), pos(1, 2, 0.5), neg(0, 2, 0.3)}));
        CHECK(r.upper_bound == doctest::Approx(0.3));
        CHECK(r.frustrated_edges == std::vector<std::uint32_t>{2});
        // hand-derived: two triangles sharing edge 0-1 (− 0.9): 0-2 + 0.4, 1-2 + 0.4 and 0-3 + 0.6,
        // 1-3 + 0.2. Violating 0-1 alone costs 0.9; violating 0-2 and 1-3 instead costs 0.6.
        const auto s = compute_frustration(signed_graph::from_edges(
            4, {neg(0, 1, 0.9), pos(0, 2, 0.4), pos(1, 2, 0.4), pos(0, 3, 0.6), pos(1, 3, 0.2)}));
        CHECK(s.upper_bound == doctest::Approx(0.6));
    }

    TEST_CASE("negative self-loops and tree parts are handled without search") {
        // hand-derived: a negative self-loop always counts; a pendant path never does.
        const auto r = compute_frustration(signed_graph::from_edges(
            6, {neg(0, 0, 0.7), pos(0, 1), pos(1, 2), neg(0, 2), neg(2, 3), pos(3, 4), neg(4, 5)}));
        CHECK(r.upper_bound == doctest::Approx(1.7));
        CHECK(r.exact);
        REQUIRE(r.components.size() == 1);
        CHECK(r.components[0].core == 3);
        CHECK(r.components[0].statements == 6);
        CHECK(r.frustrated_edges.size() == 2);
    }

    TEST_CASE("a 30 statement core with three planted frustrated relations is solved exactly") {
        // hand-derived: two all-positive camps of 15 with every cross pair negative (balanced),
        // then three disjoint inside pairs turned negative. Moving a statement to the other camp
        // violates 28 relations, so L = 3 exactly.
        std::vector<signed_edge> e{};
        for (std::uint32_t u = 0; u < 30; ++u)
            for (std::uint32_t v = u + 1; v < 30; ++v) {
                const bool same = (u < 15) == (v < 15);
                const bool planted = (u == 0 && v == 1) || (u == 2 && v == 3) || (u == 16 && v == 17);
                e.push_back(same && !planted ? pos(u, v) : neg(u, v));
            }
        const auto r = compute_frustration(signed_graph::from_edges(30, e));
        REQUIRE(r.components.size() == 1);
        CHECK(r.components[0].core == 30);
        CHECK(r.components[0].lower_method == narrative::bound_method::branch_and_bound);
        CHECK(r.exact);
        CHECK(r.upper_bound == doctest::Approx(3.0));
    }

    TEST_CASE("exact frustration matches brute force on random graphs up to 20 statements") {
        std::mt19937 rng(20250510);
        int checked = 0;
        for (std::uint32_t n = 2; n <= 20; ++n) {
            for (int k = 0; k < 4; ++k) {
                const double density = n <= 6 ? 0.7 : (k % 2 == 0 ? 0.3 : 0.6);
                const auto g = random_graph(rng, n, density, k >= 2);
                const double truth = narrative::brute_force_frustration(g);
                const auto r = compute_frustration(g);
                CHECK(r.exact);
                CHECK(r.upper_bound == doctest::Approx(truth).epsilon(1e-9));
                CHECK(narrative::violated_weight(g, r.side) == doctest::Approx(r.upper_bound));
                ++checked;
            }
        }
        CHECK(checked == 76);
    }

    TEST_CASE("exact frustration matches brute force on random multigraphs with self-loops") {
        std::mt19937 rng(4242);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int trial = 0; trial < 40; ++trial) {
            const std::uint32_t n = 3 + static_cast<std::uint32_t>(trial % 12);
            std::vector<signed_edge> e{};
            const std::uint32_t m = 2 * n;
            for (std::uint32_t i = 0; i < m; ++i) {
                const std::uint32_t u = rng() % n;
                const std::uint32_t v = unit(rng) < 0.1 ? u : static_cast<std::uint32_t>(rng() % n);
                const double w = 0.1 + 0.9 * unit(rng);
                e.push_back(unit(rng) < 0.5 ? neg(u, v, w) : pos(u, v, w));
                if (unit(rng) < 0.2) e.push_back(unit(rng) < 0.5 ? neg(u, v, w) : pos(u, v, 0.5 * w));
            }
            const auto g = signed_graph::from_edges(n, e);
            const double truth = narrative::brute_force_frustration(g);
            const auto r = compute_frustration(g);
            CHECK(r.exact);
            CHECK(r.upper_bound == doctest::Approx(truth).epsilon(1e-9));
            const auto b = compute_frustration(g, bounds_only());
            CHECK(b.lower_bound <= truth + 1e-9);
            CHECK(b.upper_bound >= truth - 1e-9);
        }
    }

    TEST_CASE("bounds always bracket the exact value on random graphs") {
        std::mt19937 rng(99);
        for (int trial = 0; trial < 60; ++trial) {
            const std::uint32_t n = 4 + static_cast<std::uint32_t>(trial % 15);
            const auto g = random_graph(rng, n, trial % 3 == 0 ? 0.8 : 0.4, trial % 2 == 1);
            const double truth = narrative::brute_force_frustration(g);
            const auto b = compute_frustration(g, bounds_only());
            CHECK(b.lower_bound <= truth + 1e-9);
            CHECK(b.upper_bound >= truth - 1e-9);
            CHECK(b.gap() >= -1e-12);
            CHECK(narrative::violated_weight(g, b.side) == doctest::Approx(b.upper_bound));
        }
    }

    TEST_CASE("the sparse spectral route is certified by the inertia check and brackets the value") {
        // A ring of 40 statements with one contradiction (L = 1) forced through power iteration.
        const auto r = compute_frustration(ring_with_one_contradiction(), power_iteration_only());
        REQUIRE(r.components.size() == 1);
        CHECK(r.upper_bound == doctest::Approx(1.0));
        CHECK(r.lower_bound <= 1.0);
        // hand-derived: λ_min of a cycle with one negative edge is 2 − 2cos(π/40) ≈ 0.00617 > 0,
        // so a certified positive λ rounds the unit-weight bound up to exactly 1.
        CHECK(r.components[0].lambda_certified);
        CHECK(r.components[0].lambda_min <= 2.0 - 2.0 * std::cos(M_PI / 40.0) + 1e-12);
        CHECK(r.lower_bound == doctest::Approx(1.0));
        CHECK(r.exact);
        CHECK(r.run.ok());
        CHECK(r.run.warnings.empty());
    }

    TEST_CASE("a certification whose factor would cost more than certify_max_flops is not attempted") {
        // The ring above, with no factorisation allowed: the estimate is kept but certifies
        // nothing, so the lower bound falls back to 0 and the value is not exact.
        frustration_options o = power_iteration_only();
        o.certify_max_flops = 0.0;
        const auto r = compute_frustration(ring_with_one_contradiction(), o);
        REQUIRE(r.components.size() == 1);
        CHECK_FALSE(r.components[0].lambda_certified);
        CHECK(r.components[0].lower_method == narrative::bound_method::none);
        CHECK(r.lower_bound == 0.0);
        CHECK(r.upper_bound == doctest::Approx(1.0));
        CHECK_FALSE(r.exact);
        // The run says why the bound is loose; a bound is the documented result, so status ok.
        CHECK(r.run.status == narrative::run_status::ok);
        REQUIRE(r.run.warnings.size() == 1);
        CHECK(r.run.warnings[0] == "component 0 (40 statements in its core): the smallest eigenvalue "
                                   "could not be certified, so its lower bound is 0");
    }

    TEST_CASE("an empty graph has status empty") {
        const auto r = compute_frustration(signed_graph::from_edges(0, {}));
        CHECK(r.run.status == narrative::run_status::empty);
        CHECK(r.upper_bound == 0.0);
    }
}
