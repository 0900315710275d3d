// SPDX-License-Identifier: MIT
#pragma once
// The standard SAT encodings of Dung's semantics over labellings (Besnard & Doutre 2004;
// Cerutti, Dunne, Giacomin & Vallati 2013): in_a = "a is IN", out_a = "a is attacked by the IN
// set", and on request r_a = "a is in the range" (in_a ∨ out_a).

#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/grounded.hpp>
#include <narrative/extensions/sat_solver.hpp>

#include <cstdint>
#include <vector>

namespace narrative {

/// A set of arguments, in increasing order.
using argument_set = std::vector<std::uint32_t>;

/// Which sets the formula's models are.
enum class base_encoding {
    conflict_free,  ///< no IN argument attacks an IN argument
    complete,       ///< complete labellings: IN iff every attacker OUT, OUT iff some attacker IN
    stable,         ///< complete with no UNDEC argument
};

/// The clauses of one encoding in a solver, and the variables to read back.
class labelling_encoding {
public:
    /// Encodes `g` in `solver`. For the complete and stable encodings the grounded labels (which
    /// every complete labelling shares) are fixed by unit clauses. `with_range` adds r_a.
    labelling_encoding(const attack_graph& g, sat_solver& solver, base_encoding kind, bool with_range = false)
        : g_(&g), solver_(&solver) {
        const std::uint32_t n = g.argument_count();
        in_.resize(n);
        out_.resize(n);
        for (std::uint32_t a = 0; a < n; ++a) in_[a] = solver.new_variable();
        for (std::uint32_t a = 0; a < n; ++a) out_[a] = solver.new_variable();
        std::vector<int> clause;
        for (std::uint32_t a = 0; a < n; ++a) {
            const auto att = g.attackers(a);
            // out_a ↔ ⋁_{b ∈ Att(a)} in_b
            clause.assign(1, -out_[a]);
            for (const std::uint32_t b : att) {
                clause.push_back(in_[b]);
                solver.add_clause({-in_[b], out_[a]});
            }
            solver.add_clause(clause);
            if (kind == base_encoding::conflict_free) {
                for (const std::uint32_t b : att) solver.add_clause({-in_[a], -in_[b]});
                continue;
            }
            // complete: ¬(in_a ∧ out_a); in_a → out_b for each attacker b; (⋀ out_b) → in_a
            solver.add_clause({-in_[a], -out_[a]});
            clause.assign(1, in_[a]);
            for (const std::uint32_t b : att) {
                solver.add_clause({-in_[a], out_[b]});
                clause.push_back(-out_[b]);
            }
            solver.add_clause(clause);
            if (kind == base_encoding::stable) solver.add_clause({in_[a], out_[a]});
        }
        if (kind != base_encoding::conflict_free) {
            grounded_ = grounded_labelling(g);
            for (std::uint32_t a = 0; a < n; ++a) {
                if (grounded_[a] == label::in) solver.add_clause({in_[a]});
                if (grounded_[a] == label::out) solver.add_clause({out_[a]});
            }
        }
        if (with_range) {
            range_.resize(n);
            for (std::uint32_t a = 0; a < n; ++a) {
                range_[a] = solver.new_variable();
                solver.add_clause({-range_[a], in_[a], out_[a]});
                solver.add_clause({range_[a], -in_[a]});
                solver.add_clause({range_[a], -out_[a]});
            }
        }
    }

    [[nodiscard]] int in(std::uint32_t a) const { return in_[a]; }
    [[nodiscard]] int out(std::uint32_t a) const { return out_[a]; }
    [[nodiscard]] int range(std::uint32_t a) const { return range_[a]; }
    [[nodiscard]] sat_solver& solver() const noexcept { return *solver_; }
    [[nodiscard]] const attack_graph& graph() const noexcept { return *g_; }
    /// Arguments whose label the encoding fixed (grounded IN or OUT); empty for conflict-free.
    [[nodiscard]] bool is_fixed(std::uint32_t a) const {
        return !grounded_.empty() && grounded_[a] != label::undec;
    }

    /// The IN set of the last model.
    [[nodiscard]] argument_set in_set() const {
        argument_set e;
        for (std::uint32_t a = 0; a < g_->argument_count(); ++a)
            if (solver_->value(in_[a])) e.push_back(a);
        return e;
    }
    /// The range (IN or attacked by IN) of the last model.
    [[nodiscard]] std::vector<bool> range_of_model() const {
        std::vector<bool> r(g_->argument_count());
        for (std::uint32_t a = 0; a < g_->argument_count(); ++a)
            r[a] = solver_->value(in_[a]) || solver_->value(out_[a]);
        return r;
    }
    /// Excludes exactly the IN set `e` from every later model.
    void block(const argument_set& e) {
        std::vector<int> clause;
        std::vector<bool> member(g_->argument_count(), false);
        for (const std::uint32_t a : e) member[a] = true;
        for (std::uint32_t a = 0; a < g_->argument_count(); ++a)
            if (!is_fixed(a)) clause.push_back(member[a] ? -in_[a] : in_[a]);
        solver_->add_clause(clause);
    }

private:
    const attack_graph* g_;
    sat_solver* solver_;
    std::vector<int> in_{}, out_{}, range_{};
    std::vector<label> grounded_{};
};

}  // namespace narrative
