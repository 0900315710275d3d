// SPDX-License-Identifier: MIT
// Hand-computed checks of the classic fact-finders: one round by hand, and the fixed point
// where it is known, on one small fixture.

#include <narrative/credibility/truth_discovery.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace {

// Three actors, two objects with values 1 and 2 (claims x1, x2, y1, y2 = indices 0..3):
//
//   A ── x1 ── B        S_x1 = {A, B}   S_x2 = {C}
//   A ── y1             S_y1 = {A}      S_y2 = {B}
//   B ── y2             C_A = {x1, y1}  C_B = {x1, y2}  C_C = {x2}
//   C ── x2
narrative::truth_problem fixture(std::optional<double> prior_a = std::nullopt) {
    narrative::truth_problem_builder b;
    const auto a = b.actor("A", prior_a), bb = b.actor("B"), c = b.actor("C");
    const auto x = b.object("x", false), y = b.object("y", false);
    b.value(x, "1");
    b.value(x, "2");
    b.value(y, "1");
    b.value(y, "2");
    b.observe(a, x, "1", narrative::stance::asserts);
    b.observe(a, y, "1", narrative::stance::asserts);
    b.observe(bb, x, "1", narrative::stance::asserts);
    b.observe(bb, y, "2", narrative::stance::asserts);
    b.observe(c, x, "2", narrative::stance::asserts);
    return b.build();
}

constexpr double eps = 1e-12;

}  // namespace

TEST_SUITE("credibility.voting") {
    TEST_CASE("voting counts actors and divides by the largest count") {
        const auto r = narrative::voting(fixture());
        // hand-derived: counts (2, 1, 1, 1) / 2.
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(0.5).epsilon(eps));
        // hand-derived: A's shares are x1 1/(1 + 0.5) = 2/3 and y1 0.5/(0.5 + 0.5) = 1/2: mean 7/12.
        CHECK(r.credibility[0] == doctest::Approx(7.0 / 12.0).epsilon(eps));
        // hand-derived: C's share of x is 0.5/1.5 = 1/3.
        CHECK(r.credibility[2] == doctest::Approx(1.0 / 3.0).epsilon(eps));
        CHECK(r.run.status == narrative::run_status::ok);
        CHECK(r.run.iterations == 1);
    }
    TEST_CASE("a declared prior weighs the actor's vote by twice the prior") {
        // hand-derived: A's weight 2 · 0.75 = 1.5, so x1 = 1.5 + 1 = 2.5, x2 = 1, y1 = 1.5.
        const auto r = narrative::voting(fixture(0.75));
        CHECK(r.belief[1] == doctest::Approx(1.0 / 2.5).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(1.5 / 2.5).epsilon(eps));
        const auto off = narrative::voting(fixture(0.75), {.use_priors = false});
        CHECK(off.belief[2] == doctest::Approx(0.5).epsilon(eps));
    }
}

TEST_SUITE("credibility.sums") {
    TEST_CASE("one round of sums by hand") {
        // hand-derived: B0 = 0.5; T = (0.5 + 0.5, 0.5 + 0.5, 0.5) / 1 = (1, 1, 0.5);
        // B = (T_A + T_B, T_C, T_A, T_B) = (2, 0.5, 1, 1) / 2.
        const auto r = narrative::sums(fixture(), {.max_iterations = 1u});
        CHECK(r.trust[2] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(0.25).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.run.iterations == 1);
        CHECK_FALSE(r.run.converged);
        CHECK(r.run.status == narrative::run_status::no_convergence);
    }
    TEST_CASE("sums reaches the principal eigenvector and x2 decays by a third per round") {
        // hand-derived: on {x1, y1, y2} AᵀA = [[2,1,1],[1,1,0],[1,0,1]] has eigenvector
        // (1, 1/2, 1/2) with eigenvalue 3, reached after round 1; x2 only sees itself
        // (eigenvalue 1), so after round i it is 0.25 / 3^(i−1).
        const auto r = narrative::sums(fixture());
        CHECK(r.run.iterations == 20);
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(0.25 / std::pow(3.0, 19)).epsilon(1e-9));
        CHECK(r.trust[0] == doctest::Approx(1.0).epsilon(eps));
        // The last change is the decay of x2 in round 20: 0.25/3^18 − 0.25/3^19.
        CHECK(r.run.residual == doctest::Approx(0.25 / std::pow(3.0, 18) - 0.25 / std::pow(3.0, 19)).epsilon(1e-9));
        CHECK(r.run.converged);
    }
    TEST_CASE("components are normalised separately") {
        // Two disconnected pairs: in each, the best claim has belief 1.
        narrative::truth_problem_builder b;
        const auto a = b.actor("a"), c = b.actor("c"), d = b.actor("d");
        const auto o1 = b.object("o1", true), o2 = b.object("o2", true);
        b.observe(a, o1, "true", narrative::stance::asserts);
        b.observe(c, o2, "true", narrative::stance::asserts);
        b.observe(d, o2, "true", narrative::stance::asserts);
        const auto r = narrative::sums(b.build());
        CHECK(r.belief[0] == doctest::Approx(1.0));
        CHECK(r.belief[2] == doctest::Approx(1.0));
        CHECK(r.trust[0] == doctest::Approx(1.0));
        CHECK(r.trust[1] == doctest::Approx(1.0));
    }
}

TEST_SUITE("credibility.average_log") {
    TEST_CASE("average log gives one-claim actors no trust and is at its fixed point after one round") {
        // hand-derived: T_A = T_B = ln 2 · 0.5, T_C = ln 1 · 0.5 = 0 → (1, 1, 0);
        // B = (2, 0, 1, 1) / 2; the next round gives the same T and B.
        const auto r = narrative::average_log(fixture());
        CHECK(r.trust[2] == 0.0);
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[1] == 0.0);
        CHECK(r.belief[3] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.run.residual == 0.0);
        CHECK(r.run.converged);
    }
}

TEST_SUITE("credibility.investment") {
    TEST_CASE("one round of investment by hand") {
        // hand-derived: B0 = (2/3, 1/3, 1/2, 1/2), T0 = 1; pools x1 = 1/2 + 1/2 = 1, x2 = 1,
        // y1 = y2 = 1/2. T_A = (2/3)(1/2)/1 + (1/2)(1/2)/(1/2) = 5/6 = T_B; T_C = 1/3.
        // H = (5/6, 1/3, 5/12, 5/12), B = H^1.2, then both max-normalised.
        const auto r = narrative::investment(fixture(), {.max_iterations = 1u});
        CHECK(r.trust[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.trust[2] == doctest::Approx(0.4).epsilon(eps));
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(std::pow(0.4, 1.2)).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(std::pow(0.5, 1.2)).epsilon(eps));
    }
}

TEST_SUITE("credibility.pooled_investment") {
    TEST_CASE("one round of pooled investment by hand") {
        // hand-derived: B0 = 1/2; T_A = (1/2)(1/2)/1 + (1/2)(1/2)/(1/2) = 3/4 = T_B, T_C = 1/2;
        // H = (3/4, 1/2, 3/8, 3/8); B(c) = H(c)·H(c)^1.4 / Σ_{M_c} H^1.4.
        const auto r = narrative::pooled_investment(fixture(), {.max_iterations = 1u});
        const double g = 1.4, dx = std::pow(0.75, g) + std::pow(0.5, g);
        const double bx1 = 0.75 * std::pow(0.75, g) / dx, bx2 = 0.5 * std::pow(0.5, g) / dx, by = 0.375 / 2.0;
        const double mx = std::max(bx1, by);
        CHECK(r.trust[2] == doctest::Approx(2.0 / 3.0).epsilon(eps));
        CHECK(r.belief[0] == doctest::Approx(bx1 / mx).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(bx2 / mx).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(by / mx).epsilon(eps));
    }
}

TEST_SUITE("credibility.truthfinder") {
    TEST_CASE("one round of truthfinder by hand") {
        // hand-derived: t0 = 0.9, τ = −ln 0.1 = ln 10; σ(x1) = 2 ln 10, others ln 10;
        // s = 1/(1 + e^{−0.3σ}) = 1/(1 + 10^{−0.6}) for x1 and 1/(1 + 10^{−0.3}) otherwise.
        const auto r = narrative::truthfinder(fixture(), {.max_iterations = 1u});
        const double s2 = 1.0 / (1.0 + std::pow(10.0, -0.6)), s1 = 1.0 / (1.0 + std::pow(10.0, -0.3));
        CHECK(r.belief[0] == doctest::Approx(s2).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(s1).epsilon(eps));
        CHECK(r.trust[0] == doctest::Approx((s2 + s1) / 2.0).epsilon(eps));
        CHECK(r.trust[2] == doctest::Approx(s1).epsilon(eps));
    }
    TEST_CASE("exclusive implication subtracts half the competitors' support") {
        // hand-derived: σ*(x1) = 2 ln10 − 0.5 ln10, σ*(x2) = ln10 − 0.5 · 2 ln10 = 0 → s = 1/2,
        // σ*(y1) = ln10 − 0.5 ln10.
        const auto r = narrative::truthfinder(fixture(), {.max_iterations = 1u, .exclusive_implication = -1.0});
        CHECK(r.belief[0] == doctest::Approx(1.0 / (1.0 + std::pow(10.0, -0.45))).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.belief[2] == doctest::Approx(1.0 / (1.0 + std::pow(10.0, -0.15))).epsilon(eps));
    }
    TEST_CASE("an explicit implication across objects moves the target claim") {
        auto p = fixture();
        // y2 implies x2 fully: σ*(x2) = ln10 + 0.5 · ln10.
        p.implications.push_back({.from = 3, .to = 1, .value = 1.0});
        const auto r = narrative::truthfinder(p, {.max_iterations = 1u});
        CHECK(r.belief[1] == doctest::Approx(1.0 / (1.0 + std::pow(10.0, -0.45))).epsilon(eps));
    }
    TEST_CASE("truthfinder converges on the cosine criterion and a prior sets the initial trust") {
        const auto r = narrative::truthfinder(fixture());
        CHECK(r.run.converged);
        CHECK(r.run.residual < 1e-3);
        CHECK(r.run.iterations < 100);
        // hand-derived: with t0(A) = 0.5, τ_A = ln 2 and σ(y1) = ln 2: s = 1/(1 + 2^{−0.3}) · (A's
        // weight 2 · 0.5 = 1).
        const auto q = narrative::truthfinder(fixture(0.5), {.max_iterations = 1u});
        CHECK(q.belief[2] == doctest::Approx(1.0 / (1.0 + std::pow(2.0, -0.3))).epsilon(eps));
    }
}

TEST_SUITE("credibility.estimates") {
    TEST_CASE("two estimates by hand reaches its fixed point in round two") {
        // hand-derived, round 1: θ = ((.8+.8+.2)/3, (.8+.2+.2)/3, (.8+.2)/2, (.8+.2)/2) =
        // (.6, .4, .5, .5) → z = (1, 0, .5, .5) → θ = (1, 0, .75, .75);
        // ε_A = [(1−1) + (1−.75) + 0 + .75]/4 = .25 = ε_B, ε_C = [(1 − 0) + 1]/2 = 1 → (0, 0, 1).
        // Round 2 gives θ = (1, 0, .5, .5) → (1, 0, .75, .75) again and the same ε: change 0.
        const auto one = narrative::two_estimates(fixture(), {.max_iterations = 1u});
        CHECK(one.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(one.belief[2] == doctest::Approx(0.75).epsilon(eps));
        CHECK(one.trust[0] == doctest::Approx(0.0).epsilon(eps));
        CHECK(one.trust[2] == doctest::Approx(1.0).epsilon(eps));
        CHECK(one.run.status == narrative::run_status::no_convergence);
        const auto r = narrative::two_estimates(fixture());
        CHECK(r.run.iterations == 2);
        CHECK(r.run.converged);
        CHECK(r.credibility[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.credibility[2] == doctest::Approx(0.0).epsilon(eps));
    }
    TEST_CASE("three estimates by hand for one round") {
        // hand-derived: φ0 = .4, ε0 = .2 → θ = ((2·.92 + .08)/3, (.92 + 2·.08)/3, .5, .5)
        // = (.64, .36, .5, .5) → (1, 0, .75, .75); ε_A = [0 + .25/.4 + 0 + .75/.4]/4 = .625 = ε_B,
        // ε_C = [1/.4 + 1/.4]/2 = 2.5 → (0, 0, 1); φ(x1) = [0 + 0 + 1/1]/3 = 1/3 = φ(x2),
        // φ(y1) = [.25/.01 + .75/.01]/2 = 50 = φ(y2) (ε floored at .01) → φ = (0, 0, 1, 1).
        const auto r = narrative::three_estimates(fixture(), {.max_iterations = 1u});
        CHECK(r.belief[0] == doctest::Approx(1.0).epsilon(eps));
        CHECK(r.belief[1] == doctest::Approx(0.0).epsilon(eps));
        CHECK(r.belief[3] == doctest::Approx(0.75).epsilon(eps));
        CHECK(r.trust[0] == doctest::Approx(0.0).epsilon(eps));
        CHECK(r.trust[2] == doctest::Approx(1.0).epsilon(eps));
        // The full run converges and keeps x1 (two supporters) ahead of x2 (one).
        const auto full = narrative::three_estimates(fixture());
        CHECK(full.belief[0] > full.belief[1]);
        CHECK(full.run.converged);
    }
    TEST_CASE("a valued denial is a negative view") {
        narrative::truth_problem_builder b;
        const auto a = b.actor("a"), c = b.actor("c");
        const auto o = b.object("o", false);
        b.observe(a, o, "v", narrative::stance::asserts);
        b.observe(c, o, "v", narrative::stance::denies);
        // hand-derived: θ_v = (0.8 + 0.2)/2 = 0.5 for one view each way; single fact → no
        // normalisation (max = min); ε_a = 1 − .5 = .5, ε_c = .5 → skipped normalisation too.
        const auto r = narrative::two_estimates(b.build(), {.max_iterations = 1u});
        CHECK(r.belief[0] == doctest::Approx(0.5).epsilon(eps));
        CHECK(r.trust[1] == doctest::Approx(0.5).epsilon(eps));
    }
}

TEST_SUITE("credibility.status") {
    TEST_CASE("an actor without votes has undefined credibility") {
        narrative::truth_problem_builder b;
        const auto a = b.actor("a");
        b.actor("silent");
        const auto o = b.object("o", true);
        b.observe(a, o, "true", narrative::stance::asserts);
        const auto p = b.build();
        for (auto f : {&narrative::voting, &narrative::sums, &narrative::truthfinder, &narrative::two_estimates}) {
            const auto r = f(p, {});
            CHECK(std::isnan(r.credibility[1]));
            CHECK_FALSE(std::isnan(r.credibility[0]));
        }
    }
}

TEST_SUITE("credibility.blocks") {
    TEST_CASE("every actor and claim is scored when the rows span several blocks") {
        // 700 actors (rows are gathered in blocks of 256), each asserting "true" of its own yes/no
        // object: 700 components of one vote each; claims 2i ("true") and 2i + 1 ("false").
        constexpr std::uint32_t n = 700;
        narrative::truth_problem_builder b;
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto a = b.actor("a" + std::to_string(i));
            const auto o = b.object("o" + std::to_string(i), true);
            b.observe(a, o, "true", narrative::stance::asserts);
        }
        const auto p = b.build();
        auto all = [&](const std::vector<double>& x, std::uint32_t offset, std::uint32_t stride, double v) {
            for (std::uint32_t i = 0; i < n; ++i)
                if (!(std::abs(x[offset + stride * i] - v) <= eps)) return false;
            return true;
        };
        // hand-derived: in each component T = 0.5 → 1, B(true) = 1 → 1, B(false) = 0 (no voter).
        const auto s = narrative::sums(p);
        CHECK(all(s.trust, 0, 1, 1.0));
        CHECK(all(s.belief, 0, 2, 1.0));
        CHECK(all(s.belief, 1, 2, 0.0));
        // hand-derived: B⁰(true) = 1 and T⁰ = 1 give pool 1 and return 1: T = 1, H = 1, B = 1^g = 1.
        CHECK(all(narrative::investment(p).belief, 0, 2, 1.0));
        CHECK(all(narrative::pooled_investment(p).belief, 0, 2, 1.0));
        // hand-derived: as in "one round of truthfinder by hand", σ(true) = ln 10 gives
        // 1/(1 + 10^{−0.3}); σ(false) = 0 gives 1/2.
        const auto tf = narrative::truthfinder(p, {.max_iterations = 1u});
        CHECK(all(tf.belief, 0, 2, 1.0 / (1.0 + std::pow(10.0, -0.3))));
        CHECK(all(tf.belief, 1, 2, 0.5));
        // hand-derived: θ = (1 − 0.2, 0.2) per object, normalised to (1, 0); every ε is then
        // [(1 − 1) + 0]/2 = 0 (equal: not normalised).
        const auto te = narrative::two_estimates(p, {.max_iterations = 1u});
        CHECK(all(te.belief, 0, 2, 1.0));
        CHECK(all(te.belief, 1, 2, 0.0));
        CHECK(all(te.trust, 0, 1, 0.0));
    }
}
