// SPDX-License-Identifier: MIT
// The ten named semantics against published and hand-derived worked examples.

#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/semantics.hpp>

#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>

using narrative::fixtures::e_democracy;
using narrative::fixtures::illustrative;
using narrative::fixtures::qbaf;

namespace {
constexpr double exact = 1e-12;  // dag pass: only rounding error

template <class S>
double strength_of_a(const S& s) {
    return narrative::score(illustrative(), s).strength[0];
}
}  // namespace

static_assert(narrative::gradual_semantics<narrative::df_quad>);
static_assert(narrative::gradual_semantics<narrative::quadratic_energy>);
static_assert(narrative::gradual_semantics<narrative::euler_based>);
static_assert(narrative::gradual_semantics<narrative::euler_based_top>);
static_assert(narrative::gradual_semantics<narrative::sd_df_quad>);
static_assert(narrative::gradual_semantics<narrative::naive_additive>);
static_assert(narrative::gradual_semantics<narrative::h_categorizer>);
static_assert(narrative::gradual_semantics<narrative::weighted_h_categorizer>);
static_assert(narrative::gradual_semantics<narrative::weighted_max_based>);
static_assert(narrative::gradual_semantics<narrative::weighted_card_based>);
static_assert(!narrative::is_bounded_semantics<narrative::naive_additive>());
static_assert(narrative::is_bounded_semantics<narrative::df_quad>());
static_assert(!narrative::semantics_uses_supports<narrative::h_categorizer>());

TEST_SUITE("gradual.semantics") {
    // Semantics reference §3.8 (illustrative example, printed to 6 decimals): a (τ 0.5) attacked
    // by b (0.7) and d (0.4), supported by c (0.3); b, c, d unattacked.
    TEST_CASE("every semantics reproduces the illustrative table of the reference") {
        using doctest::Approx;
        CHECK(strength_of_a(narrative::df_quad{}) == Approx(0.240000).epsilon(5e-7));
        CHECK(strength_of_a(narrative::quadratic_energy{}) == Approx(0.304878).epsilon(5e-7));
        CHECK(strength_of_a(narrative::euler_based{}) == Approx(0.387587).epsilon(5e-7));
        CHECK(strength_of_a(narrative::euler_based_top{}) == Approx(0.438270).epsilon(5e-7));
        CHECK(strength_of_a(narrative::sd_df_quad{}) == Approx(0.328947).epsilon(5e-7));
        CHECK(strength_of_a(narrative::naive_additive{}) == Approx(-0.300000).epsilon(5e-7));
        CHECK(strength_of_a(narrative::weighted_h_categorizer{}) == Approx(0.238095).epsilon(5e-7));
        CHECK(strength_of_a(narrative::weighted_max_based{}) == Approx(0.294118).epsilon(5e-7));
        CHECK(strength_of_a(narrative::weighted_card_based{}) == Approx(0.140845).epsilon(5e-7));
        // hand-derived: h-categorizer ignores base scores, so b and d are 1: 1 / (1 + 1 + 1).
        CHECK(strength_of_a(narrative::h_categorizer{}) == Approx(1.0 / 3.0).epsilon(exact));
    }

    // Rago, Toni, Aurisicchio & Baroni (2016), e-democracy example (graph and base scores in
    // fixtures.hpp). Hand-derived with the DF-QuAD definition: P2 has attackers 0.2, 0.6, 0.5,
    // v_att = 1 − 0.8·0.4·0.5 = 0.84, σ(P2) = 0.5 − 0.5·0.84 = 0.08; A1 has supporters P1 0.7
    // and P2 0.08, v_sup = 1 − 0.3·0.92 = 0.724, σ(A1) = 0.5 + 0.5·0.724 = 0.862; A2 has
    // attacker C1 0.2 and supporter P3 0.9, σ(A2) = 0.5 + 0.5·(0.9 − 0.2) = 0.85.
    TEST_CASE("df-quad reproduces the e-democracy example of Rago et al") {
        const auto r = narrative::score(e_democracy(), narrative::df_quad{});
        CHECK(r.solver.method == narrative::solver_method::dag);
        CHECK(r.strength[3] == doctest::Approx(0.08).epsilon(exact));
        CHECK(r.strength[0] == doctest::Approx(0.862).epsilon(exact));
        CHECK(r.strength[1] == doctest::Approx(0.85).epsilon(exact));
        CHECK(r.strength[5] == doctest::Approx(0.2).epsilon(exact));  // unattacked: σ = τ
    }

    // The same graph under the sum- and top-based semantics. Hand-derived:
    // QE: E(P2) = −1.3, h = 1.69/2.69, σ(P2) = 0.5 − 0.5·0.628253 = 0.185873605947955;
    //     E(A1) = 0.7 + 0.185874 = 0.885874, σ(A1) = 0.5 + 0.5·h(E) = 0.719852178769626;
    //     E(A2) = 0.9 − 0.2 = 0.7, σ(A2) = 0.5 + 0.5·0.49/1.49 = 0.664429530201342.
    // Euler: σ(P2) = 1 − 0.75/(1 + 0.5·e^−1.3) = 0.339943227814041; σ(A1) = 0.689380310282252;
    //     σ(A2) = 1 − 0.75/(1 + 0.5·e^0.7) = 0.626284898616656.
    // Euler-top: E(P2) = −0.6, σ(P2) = 0.411490445681305; E(A1) = 0.7 and E(A2) = 0.7 give
    //     σ(A1) = σ(A2) = 0.626284898616656.
    // SD-DF-QuAD: s(P2) = −0.84, σ = 0.5 − 0.5·0.84/1.84 = 0.271739130434783;
    //     s(A2) = 0.7, σ = 0.5 + 0.5·0.7/1.7 = 0.705882352941176; σ(A1) = 0.719341061622941.
    TEST_CASE("sum and top semantics on the e-democracy graph match hand-derived values") {
        const auto g = e_democracy();
        const auto qe = narrative::score(g, narrative::quadratic_energy{}).strength;
        CHECK(qe[3] == doctest::Approx(0.185873605947955).epsilon(exact));
        CHECK(qe[0] == doctest::Approx(0.719852178769626).epsilon(exact));
        CHECK(qe[1] == doctest::Approx(0.664429530201342).epsilon(exact));
        const auto eb = narrative::score(g, narrative::euler_based{}).strength;
        CHECK(eb[3] == doctest::Approx(0.339943227814041).epsilon(exact));
        CHECK(eb[0] == doctest::Approx(0.689380310282252).epsilon(exact));
        CHECK(eb[1] == doctest::Approx(0.626284898616656).epsilon(exact));
        const auto et = narrative::score(g, narrative::euler_based_top{}).strength;
        CHECK(et[3] == doctest::Approx(0.411490445681305).epsilon(exact));
        CHECK(et[0] == doctest::Approx(0.626284898616656).epsilon(exact));
        CHECK(et[1] == doctest::Approx(0.626284898616656).epsilon(exact));
        const auto sd = narrative::score(g, narrative::sd_df_quad{}).strength;
        CHECK(sd[3] == doctest::Approx(0.271739130434783).epsilon(exact));
        CHECK(sd[0] == doctest::Approx(0.719341061622941).epsilon(exact));
        CHECK(sd[1] == doctest::Approx(0.705882352941176).epsilon(exact));
    }

    // QBAF-Py's test suite (tests/test_qbaf.py, test_access_final_weight), basic_model:
    // arguments a (1), b (1), c (5); a attacks c, a supports b; final weights a 1, c 4, b 2;
    // with e (3) attacking c as well, c is 1; without e and with a = 2: c 3, b 3.
    TEST_CASE("naive-additive reproduces the published QBAF-Py basic model values") {
        const auto g1 = qbaf({1, 1, 5}, {{.from = 0, .to = 2}}, {{.from = 0, .to = 1}});
        const auto r1 = narrative::score(g1, narrative::naive_additive{});
        CHECK(r1.strength[0] == doctest::Approx(1.0).epsilon(exact));
        CHECK(r1.strength[1] == doctest::Approx(2.0).epsilon(exact));
        CHECK(r1.strength[2] == doctest::Approx(4.0).epsilon(exact));
        CHECK(r1.run.status == narrative::run_status::unbounded);  // 2 and 4 are outside [0, 1]
        CHECK(r1.solver.out_of_range == 2);

        const auto g2 = qbaf({1, 1, 5, 3}, {{.from = 0, .to = 2}, {.from = 3, .to = 2}},
                             {{.from = 0, .to = 1}});
        CHECK(narrative::score(g2, narrative::naive_additive{}).strength[2] ==
              doctest::Approx(1.0).epsilon(exact));

        const auto g3 = qbaf({2, 1, 5}, {{.from = 0, .to = 2}}, {{.from = 0, .to = 1}});
        const auto r3 = narrative::score(g3, narrative::naive_additive{});
        CHECK(r3.strength[1] == doctest::Approx(3.0).epsilon(exact));
        CHECK(r3.strength[2] == doctest::Approx(3.0).epsilon(exact));
    }

    // Besnard & Hunter (2001) categoriser on the chain c → b → a: σ(c) = 1, σ(b) = 1/2,
    // σ(a) = 1/(1 + 1/2) = 2/3. Pu, Luo, Zhang & Luo (2014): on the 2-cycle a ⇄ b the unique
    // solution is σ = 1/(1 + σ), i.e. σ = (√5 − 1)/2 ≈ 0.618034.
    TEST_CASE("h-categorizer gives the categoriser values of Besnard and Hunter") {
        const auto chain = qbaf({0.3, 0.3, 0.3}, {{.from = 2, .to = 1}, {.from = 1, .to = 0}});
        const auto r = narrative::score(chain, narrative::h_categorizer{});
        CHECK(r.strength[2] == doctest::Approx(1.0).epsilon(exact));
        CHECK(r.strength[1] == doctest::Approx(0.5).epsilon(exact));
        CHECK(r.strength[0] == doctest::Approx(2.0 / 3.0).epsilon(exact));

        const auto cycle = qbaf({1, 1}, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
        const auto c = narrative::score(cycle, narrative::h_categorizer{});
        CHECK(c.run.converged);
        CHECK(c.strength[0] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-9));
        CHECK(c.strength[1] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-9));
    }

    // Hand-derived, weighted h-categorizer on a 2-cycle with weights w(a) = 1, w(b) = 0.5:
    // σ(a) = 1/(1 + σ(b)), σ(b) = 0.5/(1 + σ(a)) ⇒ σ(b)² + 1.5·σ(b) − 0.5 = 0 ⇒
    // σ(b) = (√17 − 3)/4 ≈ 0.280776, σ(a) = 1/(1 + σ(b)) ≈ 0.780776.
    TEST_CASE("weighted h-categorizer solves a weighted 2-cycle exactly") {
        const auto g = qbaf({1.0, 0.5}, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
        const auto r = narrative::score(g, narrative::weighted_h_categorizer{});
        const double b = (std::sqrt(17.0) - 3.0) / 4.0;
        CHECK(r.run.converged);
        CHECK(r.strength[1] == doctest::Approx(b).epsilon(1e-9));
        CHECK(r.strength[0] == doctest::Approx(1.0 / (1.0 + b)).epsilon(1e-9));
    }

    // Amgoud, Ben-Naim, Doder & Vesic (2017): compensation (Hbs), quality precedence (Mbs) and
    // cardinality precedence (Cbs) are incompatible. Hand-derived on x (w 1) attacked by two
    // weak attackers 0.8 and 0.2 versus y (w 1) attacked by one attacker of weight 1:
    // Hbs x = 1/(1 + 1.0) = 0.5 = y (compensation); Mbs x = 1/1.8 > y = 1/2 (quality);
    // Cbs x = 1/(1 + 2 + 1.0/2) = 2/7 < y = 1/(1 + 1 + 1) = 1/3 (cardinality).
    TEST_CASE("the three weighted attack-only semantics make their three different choices") {
        // x = 0, its attackers 1 (0.8) and 2 (0.2); y = 3, its attacker 4 (1.0).
        const auto g = qbaf({1, 0.8, 0.2, 1, 1},
                            {{.from = 1, .to = 0}, {.from = 2, .to = 0}, {.from = 4, .to = 3}});
        const auto h = narrative::score(g, narrative::weighted_h_categorizer{}).strength;
        CHECK(h[0] == doctest::Approx(0.5).epsilon(exact));
        CHECK(h[3] == doctest::Approx(0.5).epsilon(exact));
        const auto m = narrative::score(g, narrative::weighted_max_based{}).strength;
        CHECK(m[0] == doctest::Approx(1.0 / 1.8).epsilon(exact));
        CHECK(m[3] == doctest::Approx(0.5).epsilon(exact));
        const auto c = narrative::score(g, narrative::weighted_card_based{}).strength;
        CHECK(c[0] == doctest::Approx(2.0 / 7.0).epsilon(exact));
        CHECK(c[3] == doctest::Approx(1.0 / 3.0).epsilon(exact));
    }

    // Amgoud et al. (2017): Cbs counts founded attackers only (weight > 0). Hand-derived: x (w 1)
    // attacked by z (w 0) and by u (w 0.5): F = {u}, σ(x) = 1/(1 + 1 + 0.5) = 0.4.
    TEST_CASE("card-based ignores attackers of zero weight") {
        const auto g = qbaf({1, 0, 0.5}, {{.from = 1, .to = 0}, {.from = 2, .to = 0}});
        const auto r = narrative::score(g, narrative::weighted_card_based{});
        CHECK(r.strength[0] == doctest::Approx(0.4).epsilon(exact));
    }

    // Relation weights scale each contribution (documented per aggregation). Hand-derived on
    // a (τ 0.5) attacked by b (τ 0.8) through a relation of weight 0.5:
    // df-quad: v_att = 0.5·0.8 = 0.4, σ = 0.5 − 0.5·0.4 = 0.3;
    // quadratic-energy: E = −0.4, σ = 0.5 − 0.5·0.16/1.16 = 0.431034482758621;
    // weighted-h-categorizer: σ = 0.5/(1 + 0.4) = 0.357142857142857.
    TEST_CASE("relation weights scale the contribution of each parent") {
        const auto g = qbaf({0.5, 0.8}, {{.from = 1, .to = 0, .weight = 0.5}});
        CHECK(narrative::score(g, narrative::df_quad{}).strength[0] ==
              doctest::Approx(0.3).epsilon(exact));
        CHECK(narrative::score(g, narrative::quadratic_energy{}).strength[0] ==
              doctest::Approx(0.431034482758621).epsilon(exact));
        CHECK(narrative::score(g, narrative::weighted_h_categorizer{}).strength[0] ==
              doctest::Approx(0.357142857142857).epsilon(exact));
    }

    // Semantics reference §3.1 and pitfall 6 (saturation): an attacker at exactly 1 plus a
    // supporter at exactly 1 restore τ whatever else is present; one attacker at 1 alone kills.
    TEST_CASE("df-quad saturates with parents of strength one") {
        // a = 0 (τ 0.6), attackers 1 (1.0) and 2 (0.5), supporter 3 (1.0); e = 4 (τ 0.6) attacked by 1.
        const auto g = qbaf({0.6, 1.0, 0.5, 1.0, 0.6},
                            {{.from = 1, .to = 0}, {.from = 2, .to = 0}, {.from = 1, .to = 4}},
                            {{.from = 3, .to = 0}});
        const auto r = narrative::score(g, narrative::df_quad{});
        CHECK(r.strength[0] == doctest::Approx(0.6).epsilon(exact));
        CHECK(r.strength[4] == doctest::Approx(0.0).epsilon(exact));
    }

    // Zero base scores (pitfall 5). Hand-derived: a (τ 0) supported by b (τ 1).
    // euler: 1 − (1 − 0)/(1 + 0) = 0 (Amgoud & Ben-Naim 2018: τ = 0 stays 0);
    // df-quad: 0 + (1 − 0)·1 = 1; quadratic-energy: 0 + 1·(1/2) = 0.5;
    // weighted-h-categorizer with a attacked instead: 0/(1 + 1) = 0.
    TEST_CASE("zero base scores follow each semantics' definition") {
        const auto sup = qbaf({0.0, 1.0}, {}, {{.from = 1, .to = 0}});
        CHECK(narrative::score(sup, narrative::euler_based{}).strength[0] == doctest::Approx(0.0));
        CHECK(narrative::score(sup, narrative::df_quad{}).strength[0] ==
              doctest::Approx(1.0).epsilon(exact));
        CHECK(narrative::score(sup, narrative::quadratic_energy{}).strength[0] ==
              doctest::Approx(0.5).epsilon(exact));
        const auto att = qbaf({0.0, 1.0}, {{.from = 1, .to = 0}});
        CHECK(narrative::score(att, narrative::weighted_h_categorizer{}).strength[0] ==
              doctest::Approx(0.0));
    }

    // Self-attacks are legal one-node cycles (pitfall 4). Hand-derived fixpoints:
    // df-quad τ = 1: σ = 1 − σ ⇒ 1/2; h-categorizer: σ = 1/(1 + σ) ⇒ (√5 − 1)/2.
    TEST_CASE("a self-attacking statement gets the fixpoint of its own update") {
        const auto g = qbaf({1.0}, {{.from = 0, .to = 0}});
        const auto d = narrative::score(g, narrative::df_quad{});
        CHECK(d.run.converged);
        CHECK(d.strength[0] == doctest::Approx(0.5).epsilon(1e-8));
        const auto h = narrative::score(g, narrative::h_categorizer{});
        CHECK(h.run.converged);
        CHECK(h.strength[0] == doctest::Approx((std::sqrt(5.0) - 1.0) / 2.0).epsilon(1e-8));
        // hand-derived: quadratic energy with τ = 0.5: σ = 0.5·(1 − σ²/(1 + σ²)) = 0.5/(1 + σ²)
        // ⇒ σ³ + σ − 0.5 = 0, whose real root is 0.423853799069...; check the equation itself.
        const auto q = narrative::score(qbaf({0.5}, {{.from = 0, .to = 0}}), narrative::quadratic_energy{});
        const double s = q.strength[0];
        CHECK(q.run.converged);
        CHECK(std::abs(s * s * s + s - 0.5) < 1e-8);
        CHECK(s == doctest::Approx(0.4238537991).epsilon(1e-8));
    }
}
