// SPDX-License-Identifier: MIT
#pragma once
// Crisp (extension-based) semantics as objects: enumerate extensions, and decide credulous and
// sceptical acceptance with a witness. Built in: grounded, complete, preferred, stable,
// semi-stable, stage and ideal (semantics reference §7). Derive from crisp_semantics to add one.

#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/grounded.hpp>
#include <narrative/extensions/labelling_encoding.hpp>
#include <narrative/extensions/sat_solver.hpp>
#include <narrative/extensions/scc_search.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace narrative {

/// Called with each extension found; return false to stop the enumeration.
using extension_callback = std::function<bool(const argument_set&)>;

/// A crisp semantics. Only name, summary and enumerate are required; the other operations have
/// generic versions (by enumeration) that a semantics overrides when it knows better.
class crisp_semantics {
public:
    virtual ~crisp_semantics() = default;
    [[nodiscard]] virtual std::string_view name() const noexcept = 0;
    [[nodiscard]] virtual std::string_view summary() const noexcept = 0;
    /// Calls `f` with each extension once, in no particular order, until it returns false.
    /// Returns true when every extension was visited.
    virtual bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                           const extension_callback& f) const = 0;

    /// One extension, or none when the semantics has none on `g` (stable on an odd cycle).
    [[nodiscard]] virtual std::optional<argument_set> some_extension(const attack_graph& g,
                                                                     const sat_solver_factory& solvers) const {
        std::optional<argument_set> found;
        enumerate(g, solvers, [&](const argument_set& e) {
            found = e;
            return false;
        });
        return found;
    }
    /// An extension containing `a` (credulous acceptance, with its witness), or none.
    [[nodiscard]] virtual std::optional<argument_set> credulous_witness(const attack_graph& g,
                                                                        const sat_solver_factory& solvers,
                                                                        std::uint32_t a) const {
        std::optional<argument_set> found;
        enumerate(g, solvers, [&](const argument_set& e) {
            if (!std::binary_search(e.begin(), e.end(), a)) return true;
            found = e;
            return false;
        });
        return found;
    }
    /// An extension not containing `a` (a is then not sceptically accepted), or none (a is in
    /// every extension; vacuously so when there is none).
    [[nodiscard]] virtual std::optional<argument_set> sceptical_counterexample(
        const attack_graph& g, const sat_solver_factory& solvers, std::uint32_t a) const {
        std::optional<argument_set> found;
        enumerate(g, solvers, [&](const argument_set& e) {
            if (std::binary_search(e.begin(), e.end(), a)) return true;
            found = e;
            return false;
        });
        return found;
    }
};

namespace detail {

inline void check_argument(const attack_graph& g, std::uint32_t a) {
    if (a >= g.argument_count())
        throw usage_error("argument " + std::to_string(a) + " is outside the framework of " +
                          std::to_string(g.argument_count()) + " arguments");
}

inline std::vector<int> in_variables(const labelling_encoding& enc) {
    std::vector<int> v(enc.graph().argument_count());
    for (std::uint32_t a = 0; a < v.size(); ++a) v[a] = enc.in(a);
    return v;
}
inline std::vector<int> range_variables(const labelling_encoding& enc) {
    std::vector<int> v(enc.graph().argument_count());
    for (std::uint32_t a = 0; a < v.size(); ++a) v[a] = enc.range(a);
    return v;
}

inline argument_set to_set(const std::vector<bool>& member) {
    argument_set e;
    for (std::uint32_t a = 0; a < member.size(); ++a)
        if (member[a]) e.push_back(a);
    return e;
}

// Reports the extension of every labelling of the encoding in turn, blocking each after it.
inline bool enumerate_labellings(const attack_graph& g, const sat_solver_factory& solvers, base_encoding kind,
                                 const extension_callback& f) {
    auto s = solvers();
    labelling_encoding enc(g, *s, kind);
    while (s->solve() == sat_result::satisfiable) {
        const argument_set e = enc.in_set();
        if (!f(e)) return false;
        enc.block(e);
    }
    return true;
}

// The extension of one labelling with argument a in it (member) or not, if there is one.
inline std::optional<argument_set> labelling_with(const attack_graph& g, const sat_solver_factory& solvers,
                                                  base_encoding kind, std::uint32_t a, bool member) {
    check_argument(g, a);
    auto s = solvers();
    labelling_encoding enc(g, *s, kind);
    const int lit = member ? enc.in(a) : -enc.in(a);
    if (s->solve(std::span<const int>(&lit, 1)) != sat_result::satisfiable) return std::nullopt;
    return enc.in_set();
}

}  // namespace detail

/// How complete, stable and preferred extensions are enumerated: component by component in the
/// order of the attacks (scc_search.hpp), or with one formula over the whole graph. Complete and
/// preferred default to components: every component has a labelling whatever the labels
/// upstream, so the search never backtracks in vain. Stable defaults to the whole graph: a
/// component may have no stable labelling under some choice upstream, and a depth-first search
/// can then try exponentially many choices that one formula rules out at once. Credulous and
/// sceptical acceptance always use the whole-graph formula.
enum class solving_order { by_components, whole_graph };

/// Grounded: the least complete extension, by linear propagation (no solver).
class grounded_semantics final : public crisp_semantics {
public:
    std::string_view name() const noexcept override { return "grounded"; }
    std::string_view summary() const noexcept override {
        return "least complete extension: what survives unconditionally (linear-time propagation)";
    }
    bool enumerate(const attack_graph& g, const sat_solver_factory&, const extension_callback& f) const override {
        (void)f(grounded_extension(g));
        return true;
    }
};

/// Complete: admissible sets containing every argument they defend.
class complete_semantics final : public crisp_semantics {
public:
    explicit complete_semantics(solving_order order = solving_order::by_components) : order_(order) {}
    std::string_view name() const noexcept override { return "complete"; }
    std::string_view summary() const noexcept override {
        return "admissible sets that contain every argument they defend";
    }
    bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                   const extension_callback& f) const override {
        if (order_ == solving_order::by_components) return enumerate_by_components(g, solvers, scc_target::complete, f);
        return detail::enumerate_labellings(g, solvers, base_encoding::complete, f);
    }
    std::optional<argument_set> credulous_witness(const attack_graph& g, const sat_solver_factory& solvers,
                                                  std::uint32_t a) const override {
        return detail::labelling_with(g, solvers, base_encoding::complete, a, true);
    }
    std::optional<argument_set> sceptical_counterexample(const attack_graph& g, const sat_solver_factory&,
                                                         std::uint32_t a) const override {
        detail::check_argument(g, a);
        argument_set e = grounded_extension(g);  // the least complete extension
        if (std::binary_search(e.begin(), e.end(), a)) return std::nullopt;
        return e;
    }

private:
    solving_order order_;
};

/// Stable: conflict-free sets attacking every argument outside them.
class stable_semantics final : public crisp_semantics {
public:
    explicit stable_semantics(solving_order order = solving_order::whole_graph) : order_(order) {}
    std::string_view name() const noexcept override { return "stable"; }
    std::string_view summary() const noexcept override {
        return "conflict-free sets that attack every other argument (may not exist)";
    }
    bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                   const extension_callback& f) const override {
        if (order_ == solving_order::by_components) return enumerate_by_components(g, solvers, scc_target::stable, f);
        return detail::enumerate_labellings(g, solvers, base_encoding::stable, f);
    }
    std::optional<argument_set> credulous_witness(const attack_graph& g, const sat_solver_factory& solvers,
                                                  std::uint32_t a) const override {
        return detail::labelling_with(g, solvers, base_encoding::stable, a, true);
    }
    std::optional<argument_set> sceptical_counterexample(const attack_graph& g, const sat_solver_factory& solvers,
                                                         std::uint32_t a) const override {
        return detail::labelling_with(g, solvers, base_encoding::stable, a, false);
    }

private:
    solving_order order_;
};

/// Preferred: ⊆-maximal admissible (equivalently complete) sets, by iterated maximisation.
class preferred_semantics final : public crisp_semantics {
public:
    explicit preferred_semantics(solving_order order = solving_order::by_components) : order_(order) {}
    std::string_view name() const noexcept override { return "preferred"; }
    std::string_view summary() const noexcept override {
        return "maximal admissible sets: every defensible position (iterated SAT maximisation)";
    }
    bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                   const extension_callback& f) const override {
        if (order_ == solving_order::by_components) return enumerate_by_components(g, solvers, scc_target::preferred, f);
        auto s = solvers();
        labelling_encoding enc(g, *s, base_encoding::complete);
        const auto vars = detail::in_variables(enc);
        while (s->solve() == sat_result::satisfiable) {
            const auto e = detail::maximise(*s, vars);
            if (!f(detail::to_set(e))) return false;
            if (!detail::require_outside(*s, vars, e)) break;  // the whole set: nothing else
        }
        return true;
    }
    std::optional<argument_set> credulous_witness(const attack_graph& g, const sat_solver_factory& solvers,
                                                  std::uint32_t a) const override {
        detail::check_argument(g, a);
        auto s = solvers();
        labelling_encoding enc(g, *s, base_encoding::complete);
        const int lit = enc.in(a);
        if (s->solve(std::span<const int>(&lit, 1)) != sat_result::satisfiable) return std::nullopt;
        return detail::to_set(detail::maximise(*s, detail::in_variables(enc)));
    }
    // CEGAR: a complete set without a, grown to a preferred one P; if P lacks a it is the
    // counterexample, otherwise exclude every subset of P and try again.
    std::optional<argument_set> sceptical_counterexample(const attack_graph& g, const sat_solver_factory& solvers,
                                                         std::uint32_t a) const override {
        detail::check_argument(g, a);
        auto s = solvers();
        labelling_encoding enc(g, *s, base_encoding::complete);
        const auto vars = detail::in_variables(enc);
        const int lit = -enc.in(a);
        while (s->solve(std::span<const int>(&lit, 1)) == sat_result::satisfiable) {
            const auto p = detail::maximise(*s, vars);
            if (!p[a]) return detail::to_set(p);
            if (!detail::require_outside(*s, vars, p)) break;
        }
        return std::nullopt;
    }

private:
    solving_order order_;
};

/// Range maximisation (semi-stable over complete labellings, stage over conflict-free sets):
/// find a model, grow its range to a maximal one R, list every extension with range exactly R,
/// then require something outside R and repeat. Credulous and sceptical acceptance by a CEGAR
/// loop on the ranges.
class range_maximal_semantics : public crisp_semantics {
public:
    explicit range_maximal_semantics(base_encoding kind) : kind_(kind) {}
    bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                   const extension_callback& f) const override {
        auto s = solvers();
        labelling_encoding enc(g, *s, kind_, true);
        const auto ranges = detail::range_variables(enc);
        while (s->solve() == sat_result::satisfiable) {
            const auto r = detail::maximise(*s, ranges);
            std::vector<int> exact;
            for (std::size_t i = 0; i < ranges.size(); ++i) exact.push_back(r[i] ? ranges[i] : -ranges[i]);
            while (s->solve(exact) == sat_result::satisfiable) {
                const argument_set e = enc.in_set();
                if (!f(e)) return false;
                enc.block(e);
            }
            if (!detail::require_outside(*s, ranges, r)) break;
        }
        return true;
    }

    std::optional<argument_set> credulous_witness(const attack_graph& g, const sat_solver_factory& solvers,
                                                  std::uint32_t a) const override {
        return with_member(g, solvers, a, true);
    }
    std::optional<argument_set> sceptical_counterexample(const attack_graph& g, const sat_solver_factory& solvers,
                                                         std::uint32_t a) const override {
        return with_member(g, solvers, a, false);
    }

private:
    // CEGAR: a model with a in (or out of) the set, its range grown to a maximal R; an extension
    // of range exactly R with the wanted membership answers; otherwise every extension that does
    // has a range not inside R, so require that and repeat.
    std::optional<argument_set> with_member(const attack_graph& g, const sat_solver_factory& solvers,
                                            std::uint32_t a, bool member) const {
        detail::check_argument(g, a);
        auto s = solvers();
        labelling_encoding enc(g, *s, kind_, true);
        const auto ranges = detail::range_variables(enc);
        const int lit = member ? enc.in(a) : -enc.in(a);
        while (s->solve(std::span<const int>(&lit, 1)) == sat_result::satisfiable) {
            const auto r = detail::maximise(*s, ranges);
            std::vector<int> exact;
            for (std::size_t i = 0; i < ranges.size(); ++i) exact.push_back(r[i] ? ranges[i] : -ranges[i]);
            exact.push_back(lit);
            if (s->solve(exact) == sat_result::satisfiable) return enc.in_set();
            if (!detail::require_outside(*s, ranges, r)) break;
        }
        return std::nullopt;
    }

    base_encoding kind_;
};

/// Semi-stable (Caminada 2006): complete extensions with ⊆-maximal range.
class semi_stable_semantics final : public range_maximal_semantics {
public:
    semi_stable_semantics() : range_maximal_semantics(base_encoding::complete) {}
    std::string_view name() const noexcept override { return "semi-stable"; }
    std::string_view summary() const noexcept override {
        return "complete extensions with maximal range; the stable ones when any exist";
    }
};

/// Stage (Verheij 1996): conflict-free sets with ⊆-maximal range.
class stage_semantics final : public range_maximal_semantics {
public:
    stage_semantics() : range_maximal_semantics(base_encoding::conflict_free) {}
    std::string_view name() const noexcept override { return "stage"; }
    std::string_view summary() const noexcept override {
        return "conflict-free sets with maximal range; the stable ones when any exist";
    }
};

/// The ideal extension (Dung, Mancarella & Toni 2007), computed as Dunne (2009) shows: the
/// largest admissible subset of the credulously accepted arguments none of whose attackers is
/// credulously accepted.
[[nodiscard]] inline argument_set ideal_extension(const attack_graph& g, const sat_solver_factory& solvers) {
    const std::uint32_t n = g.argument_count();
    auto s = solvers();
    labelling_encoding enc(g, *s, base_encoding::complete);
    // Credulously accepted (preferred = complete = admissible): cover the arguments with
    // complete extensions, each call asking for one argument not yet covered.
    std::vector<bool> accepted(n, false);
    const auto lab = grounded_labelling(g);
    std::vector<int> clause;
    while (true) {
        const int act = s->new_variable();
        clause.assign(1, -act);
        for (std::uint32_t a = 0; a < n; ++a)
            if (!accepted[a] && lab[a] != label::out) clause.push_back(enc.in(a));
        if (clause.size() == 1) break;
        s->add_clause(clause);
        const sat_result r = s->solve(std::span<const int>(&act, 1));
        if (r == sat_result::satisfiable)
            for (std::uint32_t a = 0; a < n; ++a)
                if (s->value(enc.in(a))) accepted[a] = true;
        s->add_clause({-act});
        if (r != sat_result::satisfiable) break;
    }
    std::vector<bool> member(n, false);
    for (std::uint32_t a = 0; a < n; ++a) {
        if (!accepted[a]) continue;
        bool attacked = false;
        for (const std::uint32_t b : g.attackers(a)) attacked = attacked || accepted[b];
        member[a] = !attacked;
    }
    // The largest admissible subset: drop members with an attacker the set does not attack.
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<bool> hit(n, false);
        for (std::uint32_t a = 0; a < n; ++a)
            if (member[a])
                for (const std::uint32_t t : g.targets(a)) hit[t] = true;
        for (std::uint32_t a = 0; a < n; ++a) {
            if (!member[a]) continue;
            for (const std::uint32_t b : g.attackers(a))
                if (!hit[b]) {
                    member[a] = false;
                    changed = true;
                    break;
                }
        }
    }
    return detail::to_set(member);
}

/// Ideal: the largest admissible set contained in every preferred extension. Unique.
class ideal_semantics final : public crisp_semantics {
public:
    std::string_view name() const noexcept override { return "ideal"; }
    std::string_view summary() const noexcept override {
        return "largest admissible set inside every preferred extension (unique; contains grounded)";
    }
    bool enumerate(const attack_graph& g, const sat_solver_factory& solvers,
                   const extension_callback& f) const override {
        (void)f(ideal_extension(g, solvers));
        return true;
    }
};

}  // namespace narrative
