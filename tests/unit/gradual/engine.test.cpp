// SPDX-License-Identifier: MIT
// Solvers of the gradual engine: exact dag pass, Jacobi, RK4, auto policy, statuses and errors.

#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/semantics.hpp>
#include <narrative/model/case_model.hpp>

#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using narrative::fixtures::e_democracy;
using narrative::fixtures::qbaf;
using narrative::score_options;
using narrative::solver_method;

namespace {
// The attack 3-cycle a → b → c → a with τ ≡ 1 (semantics reference §5.5, pitfall 1): the unique
// DF-QuAD fixpoint is (1/2, 1/2, 1/2); Jacobi from τ alternates (0,0,0), (1,1,1), … forever.
narrative::compiled_graph odd_cycle() {
    return qbaf({1, 1, 1}, {{.from = 0, .to = 1}, {.from = 1, .to = 2}, {.from = 2, .to = 0}});
}

// Euler-based written as a plain semantics (not a modular_semantics): the engine evaluates it
// statement by statement, so it checks the blocked two-phase sweep of the modular form.
struct euler_by_strength {
    static constexpr std::string_view name = "euler-by-strength";
    [[nodiscard]] double strength(double tau, std::span<const double> sigma, narrative::parent_view att,
                                  narrative::parent_view sup) const noexcept {
        return narrative::euler_influence{}.apply(tau, narrative::sum_aggregation{}.aggregate(sigma, att, sup));
    }
};

// Derives from a modular semantics but replaces `strength`: the engine must call the override.
struct halved_base : narrative::modular_semantics<narrative::sum_aggregation, narrative::linear_influence> {
    static constexpr std::string_view name = "halved-base";
    [[nodiscard]] double strength(double tau, std::span<const double>, narrative::parent_view,
                                  narrative::parent_view) const noexcept {
        return 0.5 * tau;
    }
};

static_assert(narrative::modular_form<narrative::euler_based>);
static_assert(narrative::modular_form<narrative::sd_df_quad>);
static_assert(!narrative::modular_form<euler_by_strength>);
static_assert(!narrative::modular_form<halved_base>);

bool contains(const std::vector<std::string>& ws, const std::string& needle) {
    for (const auto& w : ws)
        if (w.find(needle) != std::string::npos) return true;
    return false;
}

// Four cyclic graphs on which Jacobi from τ never converges while the continuous model does;
// found by a cross-check against QBAF-Py and Uncertainpy on random cyclic graphs. Each comes
// with its fixpoint equations σ = f(σ), written out from the definitions of the semantics (not
// through the engine); iterating them shows the Jacobi cycle (jacobi_period below).

// DF-QuAD (Rago et al. 2016): bases (0.5, 1, 1); attacks a0 → a1, a1 → a2, a2 → a0; supports
// a1 → a0, a2 → a1. Jacobi cycles with period 22. With one parent of each kind v_X is that
// parent's strength:
//   σ0 = 0.5 + 0.5·(σ1 − σ2)                (τ = 0.5: the same formula on either side)
//   σ1 = 1 − (σ0 − σ2) if σ0 ≥ σ2, else 1   (τ = 1: a support cannot raise it)
//   σ2 = 1 − σ1
// Hence σ0 = 0.5 + 0.5·(2σ1 − 1) = σ1, so σ0 ≥ σ2 ⇔ σ1 ≥ 1/2, and then σ1 = 1 − (2σ1 − 1),
// σ1 = 2/3; σ1 < 1/2 would give σ1 = 1, a contradiction. The unique fixpoint is (2/3, 2/3, 1/3).
narrative::compiled_graph cross_check_df_quad() {
    return qbaf({0.5, 1, 1}, {{.from = 0, .to = 1}, {.from = 1, .to = 2}, {.from = 2, .to = 0}},
                {{.from = 1, .to = 0}, {.from = 2, .to = 1}});
}
std::vector<double> cross_check_df_quad_f(const std::vector<double>& s) {
    const auto dfq = [](double tau, double v_att, double v_sup) {
        return v_att >= v_sup ? tau - tau * (v_att - v_sup) : tau + (1 - tau) * (v_sup - v_att);
    };
    return {dfq(0.5, s[2], s[1]), dfq(1, s[0], s[2]), dfq(1, s[1], 0)};
}

// Quadratic energy (Potyka 2018), h(E) = E²/(1 + E²): bases (0, 0, 1); attacks a0 → a1,
// a0 → a2, a1 → a2; supports a1 → a0, a2 → a0, a2 → a1. Jacobi cycles with period 4.
//   σ0 = h(σ1 + σ2)                          (τ = 0, energy ≥ 0)
//   σ1 = h(σ2 − σ0) if σ2 > σ0, else 0       (τ = 0)
//   σ2 = 1 − h(σ0 + σ1)                      (τ = 1, only attackers)
// The cross-check reported the fixpoint (0.435495, 0.103343, 0.774986) to 6 decimals.
narrative::compiled_graph cross_check_quadratic_energy() {
    return qbaf({0, 0, 1}, {{.from = 0, .to = 1}, {.from = 0, .to = 2}, {.from = 1, .to = 2}},
                {{.from = 1, .to = 0}, {.from = 2, .to = 0}, {.from = 2, .to = 1}});
}
std::vector<double> cross_check_quadratic_energy_f(const std::vector<double>& s) {
    const auto h = [](double e) { return e * e / (1 + e * e); };
    return {h(s[1] + s[2]), s[2] > s[0] ? h(s[2] - s[0]) : 0.0, 1 - h(s[0] + s[1])};
}

// Squared DF-QuAD (QBAF-Py's SquaredDFQuAD_model): σ = τ − τ·h(−s) + (1 − τ)·h(s),
// h(x) = max(x, 0)/(1 + max(x, 0)), s = v_sup − v_att. Bases (0, 0.1, 0, 0); attacks a2 → a0,
// a2 → a3; supports a0 → a3, a1 → a0, a3 → a2. Jacobi cycles with period 5. With τ = 0 only
// h(s) counts:
//   σ0 = h(σ1 − σ2),  σ1 = 0.1 (no parents),  σ2 = h(σ3),  σ3 = h(σ0 − σ2)
narrative::compiled_graph cross_check_sd_df_quad() {
    return qbaf({0, 0.1, 0, 0}, {{.from = 2, .to = 0}, {.from = 2, .to = 3}},
                {{.from = 0, .to = 3}, {.from = 1, .to = 0}, {.from = 3, .to = 2}});
}
std::vector<double> cross_check_sd_df_quad_f(const std::vector<double>& s) {
    const auto h = [](double x) { return std::max(x, 0.0) / (1 + std::max(x, 0.0)); };
    return {h(s[1] - s[2]), 0.1, h(s[3]), h(s[0] - s[2])};
}

// Naive additive (σ = τ + Σ_Sup σ − Σ_Att σ): every base 1; a1 attacks a0; supports a0 → a1,
// a0 → a2, a1 → a2, a2 → a1. Jacobi cycles with period 6. The fixpoint equations are linear:
//   σ0 = 1 − σ1,  σ1 = 1 + σ0 + σ2,  σ2 = 1 + σ0 + σ1.
// Subtracting the last two gives σ1 − σ2 = σ2 − σ1, so σ1 = σ2 = y; then y = 1 + σ0 + y gives
// σ0 = −1 and σ0 = 1 − y gives y = 2. The unique fixpoint is (−1, 2, 2).
narrative::compiled_graph cross_check_naive_additive() {
    return qbaf({1, 1, 1}, {{.from = 1, .to = 0}},
                {{.from = 0, .to = 1}, {.from = 0, .to = 2}, {.from = 1, .to = 2}, {.from = 2, .to = 1}});
}
std::vector<double> cross_check_naive_additive_f(const std::vector<double>& s) {
    return {1 - s[1], 1 + s[0] + s[2], 1 + s[0] + s[1]};
}

// The period of the cycle that Jacobi (σ ← f(σ) from τ) settles in, found after 10000
// iterations by comparing iterates to 1e-12; 0 when there is none up to 100.
template <class F>
int jacobi_period(F f, std::vector<double> sigma) {
    for (int k = 0; k < 10000; ++k) sigma = f(sigma);
    std::vector<double> x = sigma;
    for (int p = 1; p <= 100; ++p) {
        x = f(x);
        bool same = true;
        for (std::size_t v = 0; v < x.size(); ++v) same = same && std::abs(x[v] - sigma[v]) <= 1e-12;
        if (same) return p;
    }
    return 0;
}

// max_v |f(σ)(v) − σ(v)|
template <class F>
double equation_residual(F f, const std::vector<double>& sigma) {
    const std::vector<double> next = f(sigma);
    double r = 0.0;
    for (std::size_t v = 0; v < sigma.size(); ++v) r = std::max(r, std::abs(next[v] - sigma[v]));
    return r;
}

// The checks shared by the four graphs: Jacobi alone stops early for lack of progress (not at
// the iteration limit); auto falls back to rk4, says why, and returns exactly what rk4 alone
// returns; that result satisfies the fixpoint equations.
template <class S, class F>
narrative::score_result check_fallback(const narrative::compiled_graph& g, F f) {
    const auto jac = narrative::score(g, S{}, {.solver = solver_method::jacobi});
    CHECK_FALSE(jac.run.converged);
    CHECK(jac.solver.oscillation_detected);
    CHECK(jac.run.iterations < 1000);  // detected, not the limit of 10000
    CHECK(contains(jac.run.warnings, "jacobi made no progress"));

    const auto rk4 = narrative::score(g, S{}, {.solver = solver_method::rk4});
    const auto aut = narrative::score(g, S{});
    REQUIRE(rk4.run.converged);
    CHECK(aut.run.converged);
    CHECK(aut.solver.method == solver_method::rk4);
    CHECK(aut.solver.oscillation_detected);
    CHECK(aut.solver.jacobi_iterations == jac.run.iterations);
    CHECK(aut.solver.rk4_steps == rk4.solver.rk4_steps);
    CHECK(contains(aut.run.warnings, "jacobi made no progress after " +
                                     std::to_string(jac.run.iterations) + " iterations"));
    CHECK(contains(aut.run.warnings, "restarted with rk4 from the base scores"));
    CHECK(aut.strength == rk4.strength);
    CHECK(equation_residual(f, aut.strength) <= 1e-9);
    return aut;
}
}  // namespace

TEST_SUITE("gradual.engine") {
    TEST_CASE("the three solvers agree on an acyclic graph") {
        const auto g = e_democracy();
        const auto dag = narrative::score(g, narrative::quadratic_energy{}, {.solver = solver_method::dag});
        const auto jac = narrative::score(g, narrative::quadratic_energy{}, {.solver = solver_method::jacobi, .tolerance = 1e-13});
        const auto rk4 = narrative::score(g, narrative::quadratic_energy{}, {.solver = solver_method::rk4, .tolerance = 1e-13});
        CHECK(dag.solver.method == solver_method::dag);
        CHECK(dag.run.iterations == 1);
        CHECK(dag.run.residual == 0.0);
        CHECK(jac.solver.method == solver_method::jacobi);
        CHECK(rk4.solver.method == solver_method::rk4);
        CHECK(jac.run.converged);
        CHECK(rk4.run.converged);
        // hand-derived: Jacobi on a DAG of depth 2 is exact after 3 sweeps (the third confirms)
        CHECK(jac.run.iterations == 3);
        for (std::size_t v = 0; v < dag.strength.size(); ++v) {
            CHECK(jac.strength[v] == doctest::Approx(dag.strength[v]).epsilon(1e-12));
            CHECK(rk4.strength[v] == doctest::Approx(dag.strength[v]).epsilon(1e-11));
        }
    }

    TEST_CASE("auto uses the exact pass on acyclic graphs") {
        const auto r = narrative::score(e_democracy(), narrative::df_quad{});
        CHECK(r.solver.method == solver_method::dag);
        CHECK(r.run.converged);
        CHECK(r.run.status == narrative::run_status::ok);
        CHECK(r.run.warnings.empty());
    }

    // Semantics reference §5.5 pitfall 1: Jacobi oscillates, the continuous model converges.
    TEST_CASE("jacobi oscillates on the odd attack cycle and rk4 converges") {
        const auto g = odd_cycle();
        const auto jac = narrative::score(g, narrative::df_quad{}, {.solver = solver_method::jacobi});
        CHECK_FALSE(jac.run.converged);
        CHECK(jac.solver.oscillation_detected);
        CHECK(jac.run.status == narrative::run_status::no_convergence);
        CHECK(jac.run.residual == doctest::Approx(1.0));  // (0,0,0) ↔ (1,1,1)
        CHECK(jac.run.iterations < 20);                   // detected early, not at the limit
        CHECK(contains(jac.run.warnings, "jacobi oscillated"));

        const auto rk4 = narrative::score(g, narrative::df_quad{}, {.solver = solver_method::rk4});
        CHECK(rk4.run.converged);
        CHECK(rk4.run.residual <= 1e-9);
        for (const double s : rk4.strength) CHECK(s == doctest::Approx(0.5).epsilon(1e-8));

        const auto aut = narrative::score(g, narrative::df_quad{});
        CHECK(aut.run.converged);
        CHECK(aut.solver.method == solver_method::rk4);
        CHECK(aut.solver.oscillation_detected);
        CHECK(aut.solver.jacobi_iterations > 0);
        CHECK(aut.solver.rk4_steps > 0);
        CHECK(aut.run.iterations == aut.solver.jacobi_iterations + aut.solver.rk4_steps);
        CHECK(contains(aut.run.warnings, "restarted with rk4 from the base scores"));
        for (const double s : aut.strength) CHECK(s == doctest::Approx(0.5).epsilon(1e-8));
        CHECK(aut.strength == rk4.strength);  // the fallback is rk4 alone, from τ
    }

    // Hand-derived: three statements each supported by the other two, τ = 0.5, naive-additive:
    // σ ← 0.5 + M σ with M the all-ones-off-diagonal matrix (eigenvalue 2), so Jacobi grows
    // like 2^k and the continuous model dσ/dt = 0.5 + (M − I)σ like e^t: both diverge.
    TEST_CASE("a divergent naive-additive case is reported as not converged") {
        const auto g = qbaf({0.5, 0.5, 0.5}, {},
                            {{.from = 0, .to = 1}, {.from = 0, .to = 2}, {.from = 1, .to = 0},
                             {.from = 1, .to = 2}, {.from = 2, .to = 0}, {.from = 2, .to = 1}});
        const auto r = narrative::score(g, narrative::naive_additive{});
        CHECK_FALSE(r.run.converged);
        CHECK(r.solver.divergence_detected);
        CHECK(r.run.status == narrative::run_status::no_convergence);
        CHECK(r.solver.out_of_range == 3);
        CHECK(r.strength[0] > 1.0);  // the last iterate, not clipped
        CHECK(contains(r.run.warnings, "diverge"));
        CHECK(contains(r.run.warnings, "not clipped"));

        const auto jac = narrative::score(g, narrative::naive_additive{}, {.solver = solver_method::jacobi});
        CHECK_FALSE(jac.run.converged);
        CHECK(jac.solver.divergence_detected);
        CHECK(jac.run.iterations < 50);
    }

    // The four graphs of the cross-check (see above). Before, auto returned the last Jacobi
    // iterate with status no_convergence on each of them.
    TEST_CASE("auto falls back to rk4 when jacobi cycles with period 22 (df-quad)") {
        const auto g = cross_check_df_quad();
        CHECK(jacobi_period(cross_check_df_quad_f, {0.5, 1, 1}) == 22);
        CHECK(equation_residual(cross_check_df_quad_f, {2.0 / 3, 2.0 / 3, 1.0 / 3}) <= 1e-15);
        const auto r = check_fallback<narrative::df_quad>(g, cross_check_df_quad_f);
        CHECK(r.run.status == narrative::run_status::ok);
        // the hand-derived fixpoint (2/3, 2/3, 1/3)
        CHECK(r.strength[0] == doctest::Approx(2.0 / 3).epsilon(1e-8));
        CHECK(r.strength[1] == doctest::Approx(2.0 / 3).epsilon(1e-8));
        CHECK(r.strength[2] == doctest::Approx(1.0 / 3).epsilon(1e-8));
    }

    TEST_CASE("auto falls back to rk4 when jacobi cycles with period 4 (quadratic-energy)") {
        CHECK(jacobi_period(cross_check_quadratic_energy_f, {0, 0, 1}) == 4);
        const auto r = check_fallback<narrative::quadratic_energy>(cross_check_quadratic_energy(),
                                                                   cross_check_quadratic_energy_f);
        CHECK(r.run.status == narrative::run_status::ok);
        // the cross-check's fixpoint, 6 decimals (and the equations above to 1e-9)
        CHECK(r.strength[0] == doctest::Approx(0.435495).epsilon(1e-6));
        CHECK(r.strength[1] == doctest::Approx(0.103343).epsilon(1e-5));
        CHECK(r.strength[2] == doctest::Approx(0.774986).epsilon(1e-6));
    }

    TEST_CASE("auto falls back to rk4 when jacobi cycles with period 5 (sd-df-quad)") {
        const auto g = cross_check_sd_df_quad();
        CHECK(jacobi_period(cross_check_sd_df_quad_f, {0, 0.1, 0, 0}) == 5);
        const auto r = check_fallback<narrative::sd_df_quad>(g, cross_check_sd_df_quad_f);
        CHECK(r.run.status == narrative::run_status::ok);
        // No value is printed anywhere for this graph: the fixpoint is what rk4 computes with a
        // tighter tolerance, checked against the equations above; the default run agrees.
        const auto tight = narrative::score(g, narrative::sd_df_quad{},
                                            {.solver = solver_method::rk4, .tolerance = 1e-12});
        REQUIRE(tight.run.converged);
        CHECK(equation_residual(cross_check_sd_df_quad_f, tight.strength) <= 1e-9);
        CHECK(tight.strength[1] == 0.1);  // no parents
        for (std::size_t v = 0; v < 4; ++v) CHECK(r.strength[v] == doctest::Approx(tight.strength[v]).epsilon(1e-7));
    }

    TEST_CASE("auto falls back to rk4 when jacobi cycles with period 6 (naive-additive)") {
        const auto g = cross_check_naive_additive();
        CHECK(jacobi_period(cross_check_naive_additive_f, {1, 1, 1}) == 6);
        CHECK(equation_residual(cross_check_naive_additive_f, {-1, 2, 2}) == 0.0);
        const auto r = check_fallback<narrative::naive_additive>(g, cross_check_naive_additive_f);
        CHECK(r.run.status == narrative::run_status::unbounded);
        // the hand-derived fixpoint (−1, 2, 2)
        CHECK(r.strength[0] == doctest::Approx(-1.0).epsilon(1e-8));
        CHECK(r.strength[1] == doctest::Approx(2.0).epsilon(1e-8));
        CHECK(r.strength[2] == doctest::Approx(2.0).epsilon(1e-8));
    }

    TEST_CASE("auto falls back to rk4 when jacobi runs out of iterations") {
        // On the df-quad graph the progress rule needs more than its window of 100 iterations,
        // so with a limit of 80 Jacobi stops at the limit; rk4 then converges within its own 80
        // steps at tolerance 1e-3.
        const auto g = cross_check_df_quad();
        const score_options o{.tolerance = 1e-3, .max_iterations = 80};
        const auto aut = narrative::score(g, narrative::df_quad{}, o);
        CHECK(aut.run.converged);
        CHECK(aut.solver.method == solver_method::rk4);
        CHECK(aut.solver.jacobi_iterations == 80);
        CHECK_FALSE(aut.solver.oscillation_detected);
        CHECK(contains(aut.run.warnings, "jacobi did not converge within 80 iterations"));
        CHECK(contains(aut.run.warnings, "restarted with rk4 from the base scores"));
        CHECK_FALSE(contains(aut.run.warnings, "no convergence after"));
        auto alone = o;
        alone.solver = solver_method::rk4;
        CHECK(aut.strength == narrative::score(g, narrative::df_quad{}, alone).strength);
    }

    TEST_CASE("rk4 stops when it makes no progress, whatever the iteration limit") {
        // hand-derived: the mutual support pair under naive-additive from τ = (0.5, 0.5) keeps
        // σ0 = σ1, so dσ/dt = 0.5 exactly and the residual is 0.5 at every step: it never halves,
        // and rk4 stops after the progress window instead of running to the limit.
        const auto g = qbaf({0.5, 0.5}, {}, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
        const auto r = narrative::score(g, narrative::naive_additive{},
                                        {.solver = solver_method::rk4, .max_iterations = 1000000});
        CHECK_FALSE(r.run.converged);
        CHECK(r.run.status == narrative::run_status::no_convergence);
        CHECK(r.solver.rk4_steps == narrative::rk4_progress.window);
        CHECK(r.run.residual == doctest::Approx(0.5));
        CHECK(contains(r.run.warnings, "rk4 made no progress after 1000 steps"));
    }

    TEST_CASE("every solver terminates at the smallest tolerance with no iteration limit") {
        // The residual of these cycles stalls at a few units of 1e-16, above the tolerance; the
        // progress rules stop each solver. Bound (gradual_engine): at most
        // 1 + W·⌈log(r₁/tolerance)/log(1/θ)⌉ ≤ 1 + W·(1 + log(r₁/tolerance)/log(1/θ))
        // iterations or steps, with r₁ ≤ 1 here (strengths in [0, 1]).
        const score_options base{.tolerance = narrative::min_tolerance,
                                 .max_iterations = std::numeric_limits<std::size_t>::max()};
        const auto bound = [](const narrative::progress_rule& p) {
            return 1.0 + static_cast<double>(p.window) *
                             (1.0 + std::log(1.0 / narrative::min_tolerance) / std::log(1.0 / p.factor));
        };
        for (const auto& g : {cross_check_df_quad(), odd_cycle()}) {
            for (const auto m : {solver_method::automatic, solver_method::jacobi, solver_method::rk4}) {
                auto o = base;
                o.solver = m;
                const auto r = narrative::score(g, narrative::df_quad{}, o);
                CAPTURE(narrative::to_string(m));
                CHECK(static_cast<double>(r.solver.jacobi_iterations) <= bound(narrative::jacobi_progress));
                CHECK(static_cast<double>(r.solver.rk4_steps) <= bound(narrative::rk4_progress));
            }
        }
    }

    TEST_CASE("the iteration limit guarantees termination") {
        // hand-derived: a mutual support pair under naive-additive grows linearly (σ_k ≈ k·τ),
        // which neither oscillation nor geometric growth detects: only the limit stops it.
        const auto g = qbaf({0.5, 0.5}, {}, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
        const auto r = narrative::score(g, narrative::naive_additive{},
                                        {.solver = solver_method::rk4, .max_iterations = 50});
        CHECK_FALSE(r.run.converged);
        CHECK(r.solver.rk4_steps == 50);
        CHECK(contains(r.run.warnings, "no convergence after 50"));
    }

    TEST_CASE("jacobi converges on a contraction and reports its residual") {
        // h-categorizer 2-cycle: σ = (√5 − 1)/2 (Pu et al. 2014).
        const auto g = qbaf({1, 1}, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
        const auto r = narrative::score(g, narrative::h_categorizer{}, {.solver = solver_method::jacobi, .tolerance = 1e-12});
        CHECK(r.run.converged);
        CHECK(r.run.residual <= 1e-12);
        CHECK(r.strength[0] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-11));
    }

    TEST_CASE("the dag solver refuses a cyclic graph") {
        CHECK_THROWS_AS((void)narrative::score(odd_cycle(), narrative::df_quad{}, {.solver = solver_method::dag}),
                        narrative::rule_error);
    }

    TEST_CASE("invalid options throw rule_error") {
        const auto g = e_democracy();
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = 0.0}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = -1.0}), narrative::rule_error);
        // below what double precision can certify (2^−52), subnormal, not finite
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = 1e-17}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = 1e-320}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = std::numeric_limits<double>::infinity()}),
                        narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.tolerance = std::numeric_limits<double>::quiet_NaN()}),
                        narrative::rule_error);
        CHECK(narrative::min_tolerance == 0x1p-52);
        CHECK_NOTHROW((void)narrative::score(g, narrative::df_quad{}, {.tolerance = narrative::min_tolerance}));
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.max_iterations = 0}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::score(g, narrative::df_quad{}, {.rk4_step = 2.0}), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_solver_method("newton"), narrative::rule_error);
        CHECK(narrative::parse_solver_method("rk4") == solver_method::rk4);
        CHECK(narrative::parse_solver_method("auto") == solver_method::automatic);
    }

    TEST_CASE("reading results before run throws logic_error") {
        const auto g = e_democracy();
        narrative::gradual_engine<narrative::df_quad> engine(g);
        CHECK_FALSE(engine.has_run());
        CHECK_THROWS_AS((void)engine.strengths(), std::logic_error);
        CHECK_THROWS_AS((void)engine.report(), std::logic_error);
        engine.run();
        CHECK(engine.has_run());
        CHECK(engine.strengths()[0] == doctest::Approx(0.862));  // Rago et al. (2016), see semantics tests
    }

    TEST_CASE("an empty graph gives the empty status") {
        const auto g = qbaf({}, {});
        const auto r = narrative::score(g, narrative::euler_based{});
        CHECK(r.strength.empty());
        CHECK(r.run.status == narrative::run_status::empty);
        CHECK(r.run.converged);
    }

    TEST_CASE("attack-only semantics warn that supports are ignored") {
        const auto r = narrative::score(e_democracy(), narrative::weighted_h_categorizer{});
        CHECK(contains(r.run.warnings, "3 support relation(s) ignored"));
        // hand-derived: P2 (w 0.5) attacked by 0.2, 0.6, 0.5: 0.5/(1 + 1.3) = 0.217391304347826
        CHECK(r.strength[3] == doctest::Approx(0.217391304347826).epsilon(1e-12));
        // A1 has only supporters, so it keeps its weight
        CHECK(r.strength[0] == doctest::Approx(0.5).epsilon(1e-12));
    }

    TEST_CASE("several threads give the same strengths as one") {
        // A ring of 200 mutual contradictions plus supports, split over 3 workers.
        std::vector<narrative::fixtures::edge> att{}, sup{};
        std::vector<double> base{};
        for (std::uint32_t v = 0; v < 200; ++v) {
            base.push_back(0.1 + 0.8 * (v % 7) / 6.0);
            att.push_back({.from = v, .to = (v + 1) % 200});
            att.push_back({.from = (v + 1) % 200, .to = v});
            sup.push_back({.from = v, .to = (v + 5) % 200, .weight = 0.5});
        }
        const auto g = qbaf(base, att, sup);
        const auto one = narrative::score(g, narrative::euler_based{}, {.threads = 1});
        const auto three = narrative::score(g, narrative::euler_based{}, {.threads = 3, .parallel_min_arcs = 0});
        CHECK(one.run.converged);
        CHECK(three.run.iterations == one.run.iterations);
        for (std::size_t v = 0; v < base.size(); ++v) CHECK(three.strength[v] == one.strength[v]);
    }

    TEST_CASE("the blocked sweep of a modular semantics equals statement by statement evaluation") {
        // 600 statements: two full blocks of 256 and a partial one; a ring of mutual
        // contradictions with supports makes the graph cyclic, so every iterate is a sweep.
        std::vector<narrative::fixtures::edge> att{}, sup{};
        std::vector<double> base{};
        for (std::uint32_t v = 0; v < 600; ++v) {
            base.push_back(0.05 + 0.9 * (v % 11) / 10.0);
            att.push_back({.from = v, .to = (v + 1) % 600});
            att.push_back({.from = (v + 1) % 600, .to = v});
            sup.push_back({.from = v, .to = (v + 7) % 600, .weight = 0.75});
        }
        const auto g = qbaf(base, att, sup);
        const auto blocked = narrative::score(g, narrative::euler_based{}, {.solver = solver_method::jacobi});
        const auto plain = narrative::score(g, euler_by_strength{}, {.solver = solver_method::jacobi});
        const auto split = narrative::score(g, narrative::euler_based{},
                                            {.solver = solver_method::jacobi, .threads = 3, .parallel_min_arcs = 0});
        REQUIRE(blocked.run.converged);
        CHECK(plain.run.iterations == blocked.run.iterations);
        CHECK(split.run.iterations == blocked.run.iterations);
        for (std::size_t v = 0; v < base.size(); ++v) {
            CAPTURE(v);
            CHECK(plain.strength[v] == blocked.strength[v]);  // same arithmetic, bit for bit
            CHECK(split.strength[v] == blocked.strength[v]);
        }
        // A semantics that derives from a modular one but replaces strength is run as written:
        // σ = τ/2 whatever the parents (hand-derived), not the sum-linear formula.
        const auto halved = narrative::score(g, halved_base{}, {.solver = solver_method::jacobi});
        for (std::size_t v = 0; v < base.size(); ++v) CHECK(halved.strength[v] == doctest::Approx(0.5 * base[v]));
    }

    TEST_CASE("a mutual contradiction in a case counts as two attacks") {
        narrative::case_model c;
        const auto a = c.add_statement({.id = "a", .base = 1.0});
        const auto b = c.add_statement({.id = "b", .base = 1.0});
        c.relate(a, b, {.type = narrative::relation_type::contradicts});
        // hand-derived: each attacks the other; h-categorizer gives the golden-ratio pair
        const auto r = narrative::score(c, narrative::h_categorizer{});
        CHECK(r.strength[0] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-9));
        CHECK(r.strength[1] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-9));
        // DF-QuAD τ = (1, 1): a line of fixpoints (x, 1 − x); rk4 from the symmetric start keeps
        // σ_a = σ_b (semantics reference §5.5 pitfall 2), so it lands on (1/2, 1/2).
        const auto d = narrative::score(c, narrative::df_quad{});
        CHECK(d.run.converged);
        CHECK(d.strength[0] == doctest::Approx(0.5).epsilon(1e-8));
        CHECK(d.strength[1] == doctest::Approx(0.5).epsilon(1e-8));
    }
}
