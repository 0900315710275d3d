// SPDX-License-Identifier: MIT
#pragma once
// A kit for unit-testing gradual semantics against the principles of the literature: it
// generates small graphs systematically, transforms them, re-solves and checks the predicted
// relation between old and new strengths, reporting a readable counterexample on failure.

#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/semantics.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

/// The principles the kit can check (semantics reference §6; Amgoud & Ben-Naim 2018; Baroni,
/// Rago & Toni 2018, 2019; Potyka 2018, 2019; Amgoud, Ben-Naim, Doder & Vesic 2017). Each is
/// checked in the one-line meaning given here, on acyclic graphs unless `cyclic` is set.
enum class principle {
    anonymity,                ///< renumbering the statements renumbers the strengths
    independence,             ///< a disjoint union is solved part by part
    directionality,           ///< a new edge b → c changes only c and what c reaches
    stability,                ///< no parents (no attackers, for attack-only semantics) ⇒ σ = τ
    neutrality,               ///< a new parent of strength 0 changes nothing
    balance,                  ///< no parents ⇒ σ = τ; only attackers ⇒ σ ≤ τ; only supporters ⇒ σ ≥ τ
    weakening,                ///< 0 < τ < 1, attackers all of positive strength, no supporters ⇒ σ < τ
    strengthening,            ///< 0 < τ < 1, supporters all of positive strength, no attackers ⇒ σ > τ
    weakening_soundness,      ///< σ < τ ⇒ some attacker has positive strength
    strengthening_soundness,  ///< σ > τ ⇒ some supporter has positive strength
    monotonicity,             ///< a new attacker never raises σ, a new supporter never lowers it, a higher τ never lowers it
    counting,                 ///< with 0 < τ < 1, a new attacker (supporter) of positive strength strictly lowers (raises) σ unless σ is at 0 (1)
    franklin,                 ///< a new attacker and a new supporter of equal strength cancel
    resilience,               ///< 0 < τ < 1 ⇒ 0 < σ < 1
    duality,                  ///< swapping a statement's attackers and supporters and τ ↦ 1 − τ turns its σ into 1 − σ
    boundedness,              ///< τ in [0, 1] ⇒ σ in [0, 1]
    // Amgoud, Ben-Naim, Doder & Vesic (2017): each compares a statement a with a new "twin" b of
    // the same base score (same relation weights), whose parents differ as stated.
    equivalence,              ///< b has the same parents as a, or unattacked copies of equal strength ⇒ σ(b) = σ(a)
    proportionality,          ///< b has the same parents and a higher τ ⇒ σ(b) > σ(a), unless both are at 0 or 1
    reinforcement,            ///< b = a with one attacker of positive strength replaced by a stronger one ⇒ σ(b) < σ(a), unless σ(a) is 0 or 1
    cardinality_precedence,   ///< τ > 0; a has k ≥ 1 attackers of positive strength, b has k − 1 attackers of strength 1 ⇒ σ(a) < σ(b)
    quality_precedence,       ///< τ > 0; b has one attacker stronger than every attacker of a ⇒ σ(a) > σ(b)
    compensation,             ///< existential: some a with ≥ 2 attackers of positive strength has the σ of a twin with one stronger attacker
};

[[nodiscard]] constexpr std::string_view to_string(principle p) noexcept {
    switch (p) {
        case principle::anonymity: return "anonymity";
        case principle::independence: return "independence";
        case principle::directionality: return "directionality";
        case principle::stability: return "stability";
        case principle::neutrality: return "neutrality";
        case principle::balance: return "balance";
        case principle::weakening: return "weakening";
        case principle::strengthening: return "strengthening";
        case principle::weakening_soundness: return "weakening-soundness";
        case principle::strengthening_soundness: return "strengthening-soundness";
        case principle::monotonicity: return "monotonicity";
        case principle::counting: return "counting";
        case principle::franklin: return "franklin";
        case principle::resilience: return "resilience";
        case principle::duality: return "duality";
        case principle::boundedness: return "boundedness";
        case principle::equivalence: return "equivalence";
        case principle::proportionality: return "proportionality";
        case principle::reinforcement: return "reinforcement";
        case principle::cardinality_precedence: return "cardinality-precedence";
        case principle::quality_precedence: return "quality-precedence";
        case principle::compensation: return "compensation";
    }
    return "?";
}

/// Every principle, in declaration order.
inline constexpr principle all_principles[] = {
    principle::anonymity,     principle::independence,  principle::directionality,
    principle::stability,     principle::neutrality,    principle::balance,
    principle::weakening,     principle::strengthening, principle::weakening_soundness,
    principle::strengthening_soundness, principle::monotonicity, principle::counting,
    principle::franklin,      principle::resilience,    principle::duality,
    principle::boundedness,   principle::equivalence,   principle::proportionality,
    principle::reinforcement, principle::cardinality_precedence, principle::quality_precedence,
    principle::compensation};

/// Whether a principle is existential ("some graph exhibits it", as compensation in Amgoud et al.
/// 2017): it holds when the kit finds a witness and fails when none of the generated graphs
/// gives one, which shows no impossibility but is what the paper's "violates" predicts.
[[nodiscard]] constexpr bool is_existential(principle p) noexcept {
    return p == principle::compensation;
}

/// One edge of a small test graph.
struct small_edge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    bool attack = true;  ///< false: support
    double weight = 1.0;
};

/// A small graph: base scores and edges; converted to a compiled_graph for solving.
struct small_graph {
    std::vector<double> base{};
    std::vector<small_edge> edges{};

    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(base.size());
    }
    [[nodiscard]] compiled_graph compile() const {
        std::vector<compiled_arc> arcs{};
        arcs.reserve(edges.size());
        for (std::size_t i = 0; i < edges.size(); ++i)
            arcs.push_back({.from = edges[i].from, .to = edges[i].to, .weight = edges[i].weight,
                            .type = edges[i].attack ? relation_type::contradicts : relation_type::supports,
                            .relation = static_cast<std::uint32_t>(i)});
        return compiled_graph::from_arcs(size(), arcs, base);
    }
    /// Adds a statement with base `tau` and returns its number.
    std::uint32_t add(double tau) {
        base.push_back(tau);
        return size() - 1;
    }
    /// "s0 τ=0.5, s1 τ=1; s1 -attacks-> s0" — the form counterexamples are printed in.
    [[nodiscard]] std::string describe() const {
        std::ostringstream out;
        out.precision(6);
        out << "statements:";
        for (std::uint32_t v = 0; v < size(); ++v) out << (v ? ", " : " ") << 's' << v << " τ=" << base[v];
        out << "\n  relations:";
        if (edges.empty()) out << " none";
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const auto& e = edges[i];
            out << (i ? ", " : " ") << 's' << e.from << (e.attack ? " -attacks-> " : " -supports-> ")
                << 's' << e.to;
            if (e.weight != 1.0) out << " (w=" << e.weight << ')';
        }
        return out.str();
    }
};

/// How the kit generates graphs and compares strengths.
struct principle_options {
    /// Every acyclic graph on 3 statements (edges only from lower to higher numbers, each pair
    /// none / attack / support) with every base score from this grid.
    std::vector<double> base_grid{0.0, 0.6, 1.0};
    /// Plus this many random graphs of 2..6 statements (random edges and base scores).
    std::size_t random_graphs = 150;
    std::uint64_t seed = 12345;
    bool supports = true;   ///< generate supports (false for attack-only semantics)
    bool cyclic = false;    ///< also let random graphs contain cycles (a result must converge)
    double tolerance = 1e-9;  ///< for equalities and non-strict inequalities
    score_options solver{.tolerance = 1e-13, .max_iterations = 20000};
};

/// The outcome of checking one principle.
struct principle_report {
    enum principle principle = principle::anonymity;
    std::string semantics{};
    bool holds = true;
    std::size_t graphs = 0;     ///< graphs generated
    std::size_t checks = 0;     ///< individual predictions checked (candidates, for an existential principle)
    std::string counterexample{};  ///< empty when the principle holds
    std::string witness{};         ///< an existential principle that holds: the graph that exhibits it

    /// One line when it holds; the full counterexample otherwise.
    [[nodiscard]] std::string to_string() const {
        std::ostringstream out;
        out << "principle '" << narrative::to_string(principle) << "' "
            << (holds ? "holds" : "FAILS") << " for " << semantics << " (" << checks
            << " checks on " << graphs << " graphs)";
        if (!holds) out << ":\n  " << counterexample;
        if (holds && !witness.empty()) out << ", exhibited " << witness;
        return out.str();
    }
};

/// The graphs the kit checks on, in a fixed order (deterministic for a given seed).
[[nodiscard]] inline std::vector<small_graph> generate_small_graphs(const principle_options& o) {
    std::vector<small_graph> out{};
    const std::pair<std::uint32_t, std::uint32_t> pairs[] = {{0, 1}, {0, 2}, {1, 2}};
    const int kinds = o.supports ? 3 : 2;
    int structures = 1;
    for (int i = 0; i < 3; ++i) structures *= kinds;
    const std::size_t g = o.base_grid.size();
    for (int code = 0; code < structures; ++code) {
        small_graph sg{};
        int c = code;
        for (const auto& [from, to] : pairs) {
            const int kind = c % kinds;
            c /= kinds;
            if (kind == 1) sg.edges.push_back({.from = from, .to = to, .attack = true});
            if (kind == 2) sg.edges.push_back({.from = from, .to = to, .attack = false});
        }
        for (std::size_t b = 0; b < g * g * g; ++b) {
            small_graph with = sg;
            with.base = {o.base_grid[b % g], o.base_grid[(b / g) % g], o.base_grid[(b / g / g) % g]};
            out.push_back(std::move(with));
        }
    }
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t r = 0; r < o.random_graphs; ++r) {
        small_graph sg{};
        const auto size = static_cast<std::uint32_t>(2 + rng() % 5);
        for (std::uint32_t v = 0; v < size; ++v) {
            const double x = unit(rng);
            sg.base.push_back(x < 0.1 ? 0.0 : (x > 0.9 ? 1.0 : unit(rng)));
        }
        for (std::uint32_t a = 0; a < size; ++a)
            for (std::uint32_t b = 0; b < size; ++b) {
                if (a == b || (!o.cyclic && a >= b)) continue;
                if (unit(rng) > 0.45) continue;
                const bool attack = !o.supports || unit(rng) < 0.5;
                const double w = unit(rng) < 0.7 ? 1.0 : 0.25 + 0.75 * unit(rng);
                sg.edges.push_back({.from = a, .to = b, .attack = attack, .weight = w});
            }
        if (!o.cyclic) {
            // Shuffle the numbering so acyclic graphs are not always topologically numbered.
            std::vector<std::uint32_t> perm(size);
            for (std::uint32_t v = 0; v < size; ++v) perm[v] = v;
            std::shuffle(perm.begin(), perm.end(), rng);
            small_graph shuffled{.base = std::vector<double>(size), .edges = {}};
            for (std::uint32_t v = 0; v < size; ++v) shuffled.base[perm[v]] = sg.base[v];
            for (auto e : sg.edges) {
                e.from = perm[e.from];
                e.to = perm[e.to];
                shuffled.edges.push_back(e);
            }
            sg = std::move(shuffled);
        }
        out.push_back(std::move(sg));
    }
    return out;
}

namespace detail {

template <class S>
class principle_checker {
public:
    principle_checker(const S& s, const principle_options& o) : s_(s), o_(o) {}

    // Solves; nullopt when the solver does not converge (the graph is then skipped).
    std::optional<std::vector<double>> solve(const small_graph& g) const {
        const compiled_graph cg = g.compile();
        gradual_engine<S> engine(cg, s_, o_.solver);
        engine.run();
        if (!engine.info().converged) return std::nullopt;
        return engine.strengths();
    }

    // The attack relations into a, in edge order.
    static std::vector<small_edge> att_edges(const small_graph& g, std::uint32_t a) {
        std::vector<small_edge> r;
        for (const auto& e : g.edges)
            if (e.to == a && e.attack) r.push_back(e);
        return r;
    }

    // g plus a twin b of a (base score tau, no children, so nothing else changes): b gets a's
    // supporters and, when `with_attackers`, a's attackers except the one numbered `except`.
    static std::pair<small_graph, std::uint32_t> twin(const small_graph& g, std::uint32_t a, double tau,
                                                      bool with_attackers,
                                                      std::size_t except = static_cast<std::size_t>(-1)) {
        small_graph h = g;
        const std::uint32_t b = h.add(tau);
        std::size_t k = 0;
        for (const auto& e : g.edges) {
            if (e.to != a) continue;
            if (e.attack && (!with_attackers || k++ == except)) continue;
            h.edges.push_back({.from = e.from, .to = b, .attack = e.attack, .weight = e.weight});
        }
        return {std::move(h), b};
    }

    // Compensation (Amgoud et al. 2017), existential: a statement a (τ > 0) with k ≥ 2 attackers
    // of positive strength, the strongest m < 1, and a twin b with a's supporters and a single
    // attacker y stronger than m such that σ(b) = σ(a). σ(b) falls as y rises (monotonicity),
    // so the kit brackets y in (m, 1] and bisects. Returns the witness; counts candidates.
    std::optional<std::string> witness(principle p, const small_graph& g, std::size_t& checks) const {
        if (p != principle::compensation) return std::nullopt;
        const auto sigma = solve(g);
        if (!sigma) return std::nullopt;
        const std::vector<double>& s = *sigma;
        const double tol = o_.tolerance;
        for (std::uint32_t a = 0; a < g.size(); ++a) {
            const auto att = att_edges(g, a);
            std::size_t k = 0;
            double m = 0.0;
            for (const auto& e : att)
                if (s[e.from] > tol) {
                    ++k;
                    m = std::max(m, s[e.from]);
                }
            if (!(g.base[a] > 0.0) || k < 2 || m >= 1.0 - tol) continue;
            ++checks;
            auto pair = twin(g, a, g.base[a], false);  // named, not bound: the lambda below uses them
            small_graph& h = pair.first;
            const std::uint32_t b = pair.second;
            const std::uint32_t y = h.add(1.0);
            h.edges.push_back({.from = y, .to = b, .attack = true});
            const auto strength_with = [&](double ty) -> std::optional<double> {
                h.base[y] = ty;
                const auto u = solve(h);
                if (!u) return std::nullopt;
                return (*u)[b];
            };
            const auto at_m = strength_with(m), at_one = strength_with(1.0);
            if (!at_m || !at_one || !(*at_m > s[a] + tol) || *at_one > s[a] + tol) continue;
            double lo = m, hi = 1.0;  // σ(b) > σ(a) at lo, ≤ σ(a) at hi
            for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
                const double mid = 0.5 * (lo + hi);
                const auto v = strength_with(mid);
                if (!v) break;
                (*v > s[a] ? lo : hi) = mid;
            }
            const auto v = strength_with(hi);
            if (!v || std::abs(*v - s[a]) > tol) continue;
            std::ostringstream out;
            out.precision(10);
            out << "on " << h.describe() << "\n  s" << a << " has " << k << " attackers of positive strength, the strongest "
                << m << ", and σ = " << s[a] << "; its twin s" << b << " with the single attacker s" << y << " of strength "
                << hi << " has the same σ = " << *v;
            return out.str();
        }
        return std::nullopt;
    }

    // Returns a failure description, or nothing; counts checks.
    std::optional<std::string> check(principle p, const small_graph& g, std::size_t& checks) const {
        const auto sigma = solve(g);
        if (!sigma) return std::nullopt;
        const std::vector<double>& s = *sigma;
        const double tol = o_.tolerance;
        const bool sup = semantics_uses_supports<S>();
        const std::uint32_t n = g.size();
        std::ostringstream why;
        why.precision(10);
        const auto fail = [&](const small_graph& shown) {
            return "on " + shown.describe() + "\n  " + why.str();
        };
        const auto att_of = [&](std::uint32_t a) {
            std::vector<std::uint32_t> r;
            for (const auto& e : g.edges)
                if (e.to == a && e.attack) r.push_back(e.from);
            return r;
        };
        const auto sup_of = [&](std::uint32_t a) {
            std::vector<std::uint32_t> r;
            if (!sup) return r;
            for (const auto& e : g.edges)
                if (e.to == a && !e.attack) r.push_back(e.from);
            return r;
        };
        const auto inner = [](double t) { return t > 0.0 && t < 1.0; };

        switch (p) {
            case principle::boundedness:
                for (std::uint32_t a = 0; a < n; ++a) {
                    ++checks;
                    if (!(s[a] >= -tol && s[a] <= 1.0 + tol)) {
                        why << "expected σ(s" << a << ") in [0, 1], got " << s[a];
                        return fail(g);
                    }
                }
                return std::nullopt;
            case principle::resilience:
                for (std::uint32_t a = 0; a < n; ++a) {
                    if (!inner(g.base[a])) continue;
                    ++checks;
                    if (!(s[a] > 0.0 && s[a] < 1.0)) {
                        why << "τ(s" << a << ") = " << g.base[a] << " is in (0, 1), so σ must be too; got " << s[a];
                        return fail(g);
                    }
                }
                return std::nullopt;
            case principle::stability:
            case principle::balance:
            case principle::weakening:
            case principle::strengthening:
            case principle::weakening_soundness:
            case principle::strengthening_soundness:
                for (std::uint32_t a = 0; a < n; ++a) {
                    const auto att = att_of(a), sp = sup_of(a);
                    const auto positive = [&](const std::vector<std::uint32_t>& xs) {
                        return !xs.empty() && std::all_of(xs.begin(), xs.end(), [&](auto b) { return s[b] > tol; });
                    };
                    const auto any_positive = [&](const std::vector<std::uint32_t>& xs) {
                        return std::any_of(xs.begin(), xs.end(), [&](auto b) { return s[b] > tol; });
                    };
                    const double t = g.base[a];
                    if ((p == principle::stability || p == principle::balance) && att.empty() && sp.empty()) {
                        ++checks;
                        if (std::abs(s[a] - t) > tol) {
                            why << "s" << a << " has no parents, so σ = τ = " << t << " is expected; got " << s[a];
                            return fail(g);
                        }
                    }
                    if (p == principle::balance && sp.empty() && !att.empty()) {
                        ++checks;
                        if (s[a] > t + tol) {
                            why << "s" << a << " has only attackers, so σ ≤ τ = " << t << " is expected; got " << s[a];
                            return fail(g);
                        }
                    }
                    if (p == principle::balance && att.empty() && !sp.empty()) {
                        ++checks;
                        if (s[a] < t - tol) {
                            why << "s" << a << " has only supporters, so σ ≥ τ = " << t << " is expected; got " << s[a];
                            return fail(g);
                        }
                    }
                    if (p == principle::weakening && inner(t) && sp.empty() && positive(att)) {
                        ++checks;
                        if (!(s[a] < t)) {
                            why << "s" << a << " has only attackers, all of positive strength, and 0 < τ < 1, so σ < τ = " << t << " is expected; got " << s[a];
                            return fail(g);
                        }
                    }
                    if (p == principle::strengthening && inner(t) && att.empty() && positive(sp)) {
                        ++checks;
                        if (!(s[a] > t)) {
                            why << "s" << a << " has only supporters, all of positive strength, and 0 < τ < 1, so σ > τ = " << t << " is expected; got " << s[a];
                            return fail(g);
                        }
                    }
                    if (p == principle::weakening_soundness && s[a] < t - tol) {
                        ++checks;
                        if (!any_positive(att)) {
                            why << "σ(s" << a << ") = " << s[a] << " < τ = " << t << " although no attacker has positive strength";
                            return fail(g);
                        }
                    }
                    if (p == principle::strengthening_soundness && s[a] > t + tol) {
                        ++checks;
                        if (!any_positive(sp)) {
                            why << "σ(s" << a << ") = " << s[a] << " > τ = " << t << " although no supporter has positive strength";
                            return fail(g);
                        }
                    }
                }
                return std::nullopt;
            case principle::anonymity: {
                // Reverse the numbering: v ↦ n − 1 − v.
                small_graph h{.base = std::vector<double>(g.base.rbegin(), g.base.rend()), .edges = {}};
                for (auto e : g.edges) h.edges.push_back({.from = n - 1 - e.from, .to = n - 1 - e.to, .attack = e.attack, .weight = e.weight});
                const auto t = solve(h);
                if (!t) return std::nullopt;
                for (std::uint32_t a = 0; a < n; ++a) {
                    ++checks;
                    if (std::abs((*t)[n - 1 - a] - s[a]) > tol) {
                        why << "renumbering s" << a << " as s" << n - 1 - a << " changed its strength from " << s[a] << " to " << (*t)[n - 1 - a];
                        return fail(g);
                    }
                }
                return std::nullopt;
            }
            case principle::independence: {
                // The union with a copy of itself whose base scores are mirrored (τ ↦ 1 − τ).
                small_graph other{.base = {}, .edges = g.edges};
                for (const double t : g.base) other.base.push_back(1.0 - t);
                const auto so = solve(other);
                small_graph u = g;
                for (const double t : other.base) u.add(t);
                for (auto e : other.edges) u.edges.push_back({.from = e.from + n, .to = e.to + n, .attack = e.attack, .weight = e.weight});
                const auto su = solve(u);
                if (!so || !su) return std::nullopt;
                for (std::uint32_t a = 0; a < n; ++a) {
                    checks += 2;
                    if (std::abs((*su)[a] - s[a]) > tol || std::abs((*su)[a + n] - (*so)[a]) > tol) {
                        why << "solving the union with a disjoint copy (statements s" << n << "..) changed s" << a << " from "
                            << s[a] << " to " << (*su)[a] << " or its copy from " << (*so)[a] << " to " << (*su)[a + n];
                        return fail(u);
                    }
                }
                return std::nullopt;
            }
            case principle::directionality: {
                std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
                for (std::uint32_t v = 0; v < n; ++v) {
                    reach[v][v] = true;
                    for (bool changed = true; changed;) {
                        changed = false;
                        for (const auto& e : g.edges)
                            if (reach[v][e.from] && !reach[v][e.to]) reach[v][e.to] = changed = true;
                    }
                }
                for (std::uint32_t b = 0; b < n; ++b)
                    for (std::uint32_t c = 0; c < n; ++c) {
                        if (b == c || (!o_.cyclic && reach[c][b])) continue;
                        for (const bool attack : {true, false}) {
                            if (!attack && !o_.supports) continue;
                            small_graph h = g;
                            h.edges.push_back({.from = b, .to = c, .attack = attack});
                            const auto t = solve(h);
                            if (!t) continue;
                            for (std::uint32_t x = 0; x < n; ++x) {
                                if (reach[c][x]) continue;
                                ++checks;
                                if (std::abs((*t)[x] - s[x]) > tol) {
                                    why << "adding s" << b << (attack ? " -attacks-> " : " -supports-> ") << 's' << c
                                        << " changed s" << x << ", which s" << c << " does not reach, from " << s[x] << " to " << (*t)[x];
                                    return fail(h);
                                }
                            }
                        }
                    }
                return std::nullopt;
            }
            case principle::neutrality:
            case principle::monotonicity:
            case principle::counting:
            case principle::franklin: {
                for (std::uint32_t a = 0; a < n; ++a) {
                    for (const bool attack : {true, false}) {
                        if (!attack && !o_.supports) continue;
                        if (p == principle::franklin && !attack) continue;
                        for (const double zt : {0.0, 0.5, 1.0}) {
                            if (p == principle::neutrality && zt != 0.0) continue;
                            if (p != principle::neutrality && zt == 0.0) continue;
                            small_graph h = g;
                            const std::uint32_t z = h.add(zt);
                            h.edges.push_back({.from = z, .to = a, .attack = attack});
                            std::uint32_t z2 = z;
                            if (p == principle::franklin) {
                                z2 = h.add(zt);
                                h.edges.push_back({.from = z2, .to = a, .attack = false});
                            }
                            const auto t = solve(h);
                            if (!t) continue;
                            const double before = s[a], after = (*t)[a];
                            const char* kind = attack ? "attacker" : "supporter";
                            if (p == principle::neutrality) {
                                if ((*t)[z] > tol) continue;  // not a zero-strength parent here
                                for (std::uint32_t x = 0; x < n; ++x) {
                                    ++checks;
                                    if (std::abs((*t)[x] - s[x]) > tol) {
                                        why << "adding s" << z << " (strength 0) as " << kind << " of s" << a << " changed s" << x
                                            << " from " << s[x] << " to " << (*t)[x];
                                        return fail(h);
                                    }
                                }
                            } else if (p == principle::monotonicity) {
                                ++checks;
                                if (attack ? after > before + tol : after < before - tol) {
                                    why << "adding s" << z << " as " << kind << " of s" << a << " moved it the wrong way, from "
                                        << before << " to " << after;
                                    return fail(h);
                                }
                            } else if (p == principle::counting) {
                                if (!inner(g.base[a]) || !((*t)[z] > tol)) continue;
                                if (attack ? before <= tol : before >= 1.0 - tol) continue;  // at a bound
                                ++checks;
                                if (attack ? !(after < before) : !(after > before)) {
                                    why << "adding s" << z << " (strength " << (*t)[z] << ") as " << kind << " of s" << a
                                        << " should strictly " << (attack ? "lower" : "raise") << " its strength " << before
                                        << "; got " << after;
                                    return fail(h);
                                }
                            } else {  // franklin
                                if (std::abs((*t)[z] - (*t)[z2]) > tol) continue;
                                ++checks;
                                if (std::abs(after - before) > tol) {
                                    why << "adding attacker s" << z << " and supporter s" << z2 << " of equal strength " << (*t)[z]
                                        << " to s" << a << " changed it from " << before << " to " << after;
                                    return fail(h);
                                }
                            }
                        }
                    }
                    if (p == principle::monotonicity && g.base[a] < 1.0) {
                        small_graph h = g;
                        h.base[a] = std::min(1.0, g.base[a] + 0.25);
                        const auto t = solve(h);
                        if (!t) continue;
                        ++checks;
                        if ((*t)[a] < s[a] - tol) {
                            why << "raising τ(s" << a << ") from " << g.base[a] << " to " << h.base[a] << " lowered σ from "
                                << s[a] << " to " << (*t)[a];
                            return fail(h);
                        }
                    }
                }
                return std::nullopt;
            }
            case principle::equivalence:
            case principle::proportionality:
            case principle::reinforcement:
            case principle::cardinality_precedence:
            case principle::quality_precedence:
                for (std::uint32_t a = 0; a < n; ++a) {
                    const double t = g.base[a];
                    const auto att = att_edges(g, a);
                    const auto alive = [&](const small_edge& e) { return s[e.from] > tol; };
                    if (p == principle::equivalence) {
                        // The same parents, then unattacked copies of the parents (which count
                        // only where the copies come out as strong as the originals).
                        for (const bool copies : {false, true}) {
                            auto [h, b] = twin(g, a, t, true);
                            std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (parent, copy)
                            if (copies)
                                for (auto& e : h.edges)
                                    if (e.to == b) {
                                        const std::uint32_t copy = h.add(s[e.from]);
                                        pairs.emplace_back(e.from, copy);
                                        e.from = copy;
                                    }
                            if (copies && pairs.empty()) continue;
                            const auto u = solve(h);
                            if (!u) continue;
                            if (std::any_of(pairs.begin(), pairs.end(),
                                            [&](const auto& pr) { return std::abs((*u)[pr.second] - s[pr.first]) > tol; }))
                                continue;  // the copies are not of equal strength here
                            ++checks;
                            if (std::abs((*u)[b] - s[a]) > tol) {
                                why << "s" << b << " has the base score of s" << a << " and "
                                    << (copies ? "copies of its parents, of equal strength," : "the same parents")
                                    << ", so σ(s" << b << ") = σ(s" << a << ") = " << s[a] << " is expected; got " << (*u)[b];
                                return fail(h);
                            }
                        }
                    } else if (p == principle::proportionality) {
                        if (t >= 1.0) continue;
                        const auto [h, b] = twin(g, a, (t + 1.0) / 2.0, true);
                        const auto u = solve(h);
                        if (!u) continue;
                        const double sb = (*u)[b];
                        if ((s[a] <= tol && sb <= tol) || (s[a] >= 1.0 - tol && sb >= 1.0 - tol)) continue;  // at a bound
                        ++checks;
                        if (!(sb > s[a])) {
                            why << "s" << b << " has the parents of s" << a << " and a higher base score (" << h.base[b]
                                << " > " << t << "), so σ(s" << b << ") > σ(s" << a << ") = " << s[a] << " is expected; got " << sb;
                            return fail(h);
                        }
                    } else if (p == principle::reinforcement) {
                        if (!(s[a] > tol) || s[a] >= 1.0 - tol) continue;  // at a bound
                        for (std::size_t k = 0; k < att.size(); ++k) {
                            const double x = s[att[k].from];
                            if (!(x > tol) || x >= 1.0 - tol) continue;
                            auto [h, b] = twin(g, a, t, true, k);
                            const std::uint32_t y = h.add((x + 1.0) / 2.0);
                            h.edges.push_back({.from = y, .to = b, .attack = true, .weight = att[k].weight});
                            const auto u = solve(h);
                            if (!u || !((*u)[y] > x + tol)) continue;
                            ++checks;
                            if (!((*u)[b] < s[a])) {
                                why << "s" << b << " is s" << a << " with its attacker s" << att[k].from << " (strength " << x
                                    << ") replaced by the stronger s" << y << " (strength " << (*u)[y] << "), so σ(s" << b
                                    << ") < σ(s" << a << ") = " << s[a] << " is expected; got " << (*u)[b];
                                return fail(h);
                            }
                        }
                    } else if (p == principle::cardinality_precedence) {
                        const auto k = static_cast<std::size_t>(std::count_if(att.begin(), att.end(), alive));
                        if (!(t > 0.0) || k == 0) continue;
                        auto [h, b] = twin(g, a, t, false);
                        for (std::size_t i = 0; i + 1 < k; ++i)
                            h.edges.push_back({.from = h.add(1.0), .to = b, .attack = true});
                        const auto u = solve(h);
                        if (!u) continue;
                        ++checks;
                        if (!(s[a] < (*u)[b])) {
                            why << "s" << a << " has " << k << " attacker(s) of positive strength and its twin s" << b
                                << " (same base score) has " << k - 1 << " of base score 1, so σ(s" << a << ") < σ(s" << b
                                << ") = " << (*u)[b] << " is expected; got " << s[a];
                            return fail(h);
                        }
                    } else {  // quality precedence
                        double m = 0.0;
                        for (const auto& e : att) m = std::max(m, s[e.from]);
                        if (!(t > 0.0) || m >= 1.0 - tol) continue;
                        auto [h, b] = twin(g, a, t, false);
                        const std::uint32_t y = h.add((m + 1.0) / 2.0);
                        h.edges.push_back({.from = y, .to = b, .attack = true});
                        const auto u = solve(h);
                        if (!u || !((*u)[y] > m + tol)) continue;
                        ++checks;
                        if (!(s[a] > (*u)[b])) {
                            why << "the strongest attacker of s" << a << " has strength " << m << " and its twin s" << b
                                << " (same base score) has one attacker of strength " << (*u)[y] << ", so σ(s" << a
                                << ") > σ(s" << b << ") = " << (*u)[b] << " is expected; got " << s[a];
                            return fail(h);
                        }
                    }
                }
                return std::nullopt;
            case principle::compensation:
                return std::nullopt;  // existential: see witness()
            case principle::duality: {
                // Potyka (2019): for each statement a, swap its attackers and supporters (their
                // strengths unchanged: on an acyclic graph they do not depend on a) and replace
                // τ(a) by 1 − τ(a); then σ(a) must become 1 − σ(a).
                if (o_.cyclic) return std::nullopt;
                for (std::uint32_t a = 0; a < n; ++a) {
                    small_graph h = g;
                    h.base[a] = 1.0 - g.base[a];
                    for (auto& e : h.edges)
                        if (e.to == a) e.attack = !e.attack;
                    const auto t = solve(h);
                    if (!t) continue;
                    ++checks;
                    if (std::abs((*t)[a] - (1.0 - s[a])) > tol) {
                        why << "σ(s" << a << ") = " << s[a] << "; swapping its attackers and supporters and replacing τ = "
                            << g.base[a] << " by " << h.base[a] << " should give 1 − σ = " << 1.0 - s[a] << "; got " << (*t)[a];
                        return fail(g);
                    }
                }
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

private:
    S s_;
    principle_options o_;
};

}  // namespace detail

/// Checks one principle for the semantics `s` on the generated graphs (generate_small_graphs),
/// stopping at the first counterexample, which the report describes: the graph, the
/// transformation applied and the expected and actual strengths. An existential principle
/// (is_existential) instead stops at the first witness, which `witness` describes, and fails
/// when no generated graph gives one.
///
///     auto r = narrative::check_principle(narrative::principle::balance, narrative::df_quad{});
///     CHECK_MESSAGE(r.holds, r.to_string());
///
/// Complexity: a few solves per statement and graph (about 900 graphs with the defaults).
/// Throws: rule_error from the solver options.
template <gradual_semantics S>
[[nodiscard]] principle_report check_principle(principle p, const S& s = {},
                                               const principle_options& options = {}) {
    principle_options o = options;
    if (!semantics_uses_supports<S>()) o.supports = false;
    const auto graphs = generate_small_graphs(o);
    const detail::principle_checker<S> checker(s, o);
    principle_report report{.principle = p, .semantics = std::string(S::name), .holds = true,
                            .graphs = graphs.size(), .checks = 0, .counterexample = {}};
    if (is_existential(p)) {
        for (std::size_t i = 0; i < graphs.size(); ++i)
            if (auto found = checker.witness(p, graphs[i], report.checks)) {
                report.witness = "by graph #" + std::to_string(i) + ' ' + *found;
                return report;
            }
        report.holds = false;
        report.counterexample = "no witness among " + std::to_string(report.checks) +
                                " candidate statements (an existential principle: the generated graphs do not exhibit it)";
        return report;
    }
    for (std::size_t i = 0; i < graphs.size(); ++i) {
        if (auto failure = checker.check(p, graphs[i], report.checks)) {
            report.holds = false;
            report.counterexample = "graph #" + std::to_string(i) + ' ' + *failure;
            break;
        }
    }
    return report;
}

/// Checks several principles; one report each, in the order given.
template <gradual_semantics S>
[[nodiscard]] std::vector<principle_report> check_principles(std::span<const principle> ps,
                                                             const S& s = {},
                                                             const principle_options& options = {}) {
    std::vector<principle_report> out{};
    for (const principle p : ps) out.push_back(check_principle(p, s, options));
    return out;
}

}  // namespace narrative
