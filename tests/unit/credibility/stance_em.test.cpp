// SPDX-License-Identifier: MIT
// Hand-computed checks of stance-em, the stance-aware EM model.

#include <narrative/credibility/stance_em.hpp>

#include <doctest/doctest.h>

#include <cmath>

namespace {

// Yes/no objects p and q: A asserts p, B reports p, C denies q.
narrative::truth_problem fixture() {
    narrative::truth_problem_builder b;
    const auto a = b.actor("A"), bb = b.actor("B"), c = b.actor("C");
    const auto p = b.object("p", true), q = b.object("q", true);
    b.observe(a, p, "true", narrative::stance::asserts);
    b.observe(bb, p, "true", narrative::stance::reports);
    b.observe(c, q, "true", narrative::stance::denies);
    return b.build();
}

}  // namespace

TEST_SUITE("credibility.stance_em") {
    TEST_CASE("one round of stance em by hand") {
        // hand-derived: init q(p) = (1 + 1)/(1 + 0 + 2) = 2/3, q(q) = (0 + 1)/(0 + 1 + 2) = 1/3.
        // M-step (α = 1e-3, and the Dirichlet prior β·θ⁰ with β = 3 centred on the published
        // Emergent table θ⁰_T = (0.738, 0.039, 0.223), θ⁰_F = (0.203, 0.271, 0.526)), counts
        // (asserts, denies, reports):
        //   true:  (α + 3·0.738 + 2/3, α + 3·0.039 + 1/3, α + 3·0.223 + 2/3)
        //   false: (α + 3·0.203 + 1/3, α + 3·0.271 + 2/3, α + 3·0.526 + 1/3);
        //   π = (2/3 + 1/3 + 1) / (2 + 2) = 1/2 (Laplace).
        // E-step: odds(p) = θT(a)/θF(a) · θT(r)/θF(r), odds(q) = θT(d)/θF(d).
        const double a = 1e-3;
        const double st = 3 * a + 3.0 + 5.0 / 3.0, sf = 3 * a + 3.0 + 4.0 / 3.0;
        const double ta = (a + 3 * 0.738 + 2.0 / 3.0) / st, td = (a + 3 * 0.039 + 1.0 / 3.0) / st,
                     tr = (a + 3 * 0.223 + 2.0 / 3.0) / st;
        const double fa = (a + 3 * 0.203 + 1.0 / 3.0) / sf, fd = (a + 3 * 0.271 + 2.0 / 3.0) / sf,
                     fr = (a + 3 * 0.526 + 1.0 / 3.0) / sf;
        const double odds_p = (ta / fa) * (tr / fr), odds_q = td / fd;
        const auto out = narrative::stance_em_detailed(fixture(), {.max_iterations = 1u});
        const auto& r = out.scores;
        CHECK(out.likelihoods.if_true[0] == doctest::Approx(ta).epsilon(1e-12));
        CHECK(out.likelihoods.if_false[2] == doctest::Approx(fr).epsilon(1e-12));
        CHECK(out.likelihoods.prior_true == doctest::Approx(0.5).epsilon(1e-12));
        CHECK(r.belief[0] == doctest::Approx(odds_p / (1 + odds_p)).epsilon(1e-12));
        CHECK(r.belief[1] == doctest::Approx(1 / (1 + odds_p)).epsilon(1e-12));
        CHECK(r.belief[2] == doctest::Approx(odds_q / (1 + odds_q)).epsilon(1e-12));
        // Credibility: A asserts p → q(p); C denies q → 1 − q(q); B only reports → undefined.
        CHECK(r.credibility[0] == doctest::Approx(odds_p / (1 + odds_p)).epsilon(1e-12));
        CHECK(r.credibility[2] == doctest::Approx(1 / (1 + odds_q)).epsilon(1e-12));
        CHECK(std::isnan(r.credibility[1]));
    }
    TEST_CASE("two denials against one assertion give a calibrated belief not a certainty") {
        // One yes/no proposition: A asserts, B and C deny. Before the Beta(1, 1) prior on π and
        // the Dirichlet prior on the table, π = q(true) collapsed to 0 and the belief to exactly
        // 0/1. Now the table stays near the published one, under which a denial is 0.039/0.271
        // and an assertion 0.738/0.203 times as likely when the claim is true: false, not certain.
        narrative::truth_problem_builder b;
        const auto x = b.object("x", true);
        b.observe(b.actor("A"), x, "true", narrative::stance::asserts);
        b.observe(b.actor("B"), x, "true", narrative::stance::denies);
        b.observe(b.actor("C"), x, "true", narrative::stance::denies);
        const auto out = narrative::stance_em_detailed(b.build());
        CHECK(out.scores.run.status == narrative::run_status::ok);
        CHECK(out.scores.belief[1] > 0.9);
        CHECK(out.scores.belief[1] < 0.999);
        CHECK(out.likelihoods.prior_true > 0.2);
        CHECK(out.likelihoods.prior_true < 0.5);
    }
    TEST_CASE("hedged reports count as evidence against a claim when false claims are reported more") {
        // Ten yes/no claims: five asserted twice (learned true), five asserted once, denied
        // once and reported three times (learned false). A claim only reported is then judged
        // false although nobody denies it: the stance's learned likelihood carries the signal.
        narrative::truth_problem_builder b;
        std::uint32_t n = 0;
        auto actor = [&] { return b.actor("s" + std::to_string(n++)); };
        for (int i = 0; i < 5; ++i) {
            const auto o = b.object("t" + std::to_string(i), true);
            b.observe(actor(), o, "true", narrative::stance::asserts);
            b.observe(actor(), o, "true", narrative::stance::asserts);
        }
        for (int i = 0; i < 5; ++i) {
            const auto o = b.object("f" + std::to_string(i), true);
            b.observe(actor(), o, "true", narrative::stance::asserts);
            b.observe(actor(), o, "true", narrative::stance::denies);
            for (int k = 0; k < 3; ++k) b.observe(actor(), o, "true", narrative::stance::reports);
        }
        const auto only = b.object("rumour", true);
        b.observe(actor(), only, "true", narrative::stance::reports);
        b.observe(actor(), only, "true", narrative::stance::reports);
        const auto p = b.build();
        const auto out = narrative::stance_em_detailed(p);
        CHECK(out.scores.run.converged);
        CHECK(out.likelihoods.if_false[2] > out.likelihoods.if_true[2]);
        const auto rumour = *p.find_object("rumour");
        CHECK(out.scores.belief[p.object_offsets[rumour]] < 0.5);
        CHECK(out.scores.belief[p.object_offsets[*p.find_object("t0")]] > 0.5);
    }
    TEST_CASE("valued objects spread the wrong-value likelihood over the other values") {
        // One object with three values, all statements assert: the stance table learns almost
        // nothing, and each assertion is worth about ln(m − 1) = ln 2 for its value.
        narrative::truth_problem_builder b;
        const auto o = b.object("o", false);
        b.value(o, "a");
        b.value(o, "b");
        b.value(o, "c");
        b.observe(b.actor("1"), o, "a", narrative::stance::asserts);
        b.observe(b.actor("2"), o, "a", narrative::stance::asserts);
        b.observe(b.actor("3"), o, "b", narrative::stance::asserts);
        // The Dirichlet prior on the table is off here so that only the spreading is measured.
        const auto r = narrative::stance_em(b.build(), {.max_iterations = 1u, .em_stance_prior_strength = 0.0});
        // hand-derived: init q = (3, 2, 1)/6; M-step asserts counts true α + 2·(1/2) + 1/3,
        // false α + 2·(1/2) + 2/3, the other stances α each; each assertion of a value weighs
        // L = 2 · θT(a)/θF(a), so the values weigh L² : L : 1.
        const double al = 1e-3;
        const double ta = (al + 4.0 / 3.0) / (3 * al + 4.0 / 3.0), fa = (al + 5.0 / 3.0) / (3 * al + 5.0 / 3.0);
        const double L = 2.0 * ta / fa, z = L * L + L + 1.0;
        CHECK(r.belief[0] == doctest::Approx(L * L / z).epsilon(1e-12));
        CHECK(r.belief[1] == doctest::Approx(L / z).epsilon(1e-12));
        CHECK(r.belief[2] == doctest::Approx(1.0 / z).epsilon(1e-12));
        // Without the α pseudo-counts L would be 2: (4/7, 2/7, 1/7) to within 10⁻³.
        CHECK(r.belief[0] == doctest::Approx(4.0 / 7.0).epsilon(1e-3));
    }
}
