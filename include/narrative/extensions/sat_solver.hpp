// SPDX-License-Identifier: MIT
#pragma once
// A small incremental SAT interface (add clauses, solve under assumptions, read the model) and a
// dependency-free DPLL solver behind it, so the header library works without CaDiCaL.

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace narrative {

/// The answer of one solve call.
enum class sat_result { satisfiable, unsatisfiable, interrupted };

/// An incremental SAT solver over DIMACS literals (variable v ≥ 1 is the literal v, its negation
/// −v). Clauses stay for good; assumptions hold for one solve call only.
class sat_solver {
public:
    virtual ~sat_solver() = default;
    /// A fresh variable, numbered from 1 upwards.
    [[nodiscard]] virtual int new_variable() = 0;
    /// Adds the clause (a disjunction of literals over variables already created).
    virtual void add_clause(std::span<const int> literals) = 0;
    /// Solves the clauses with every literal of `assumptions` true.
    [[nodiscard]] virtual sat_result solve(std::span<const int> assumptions = {}) = 0;
    /// The value of a variable in the last satisfying assignment; valid until the next
    /// add_clause or solve call (CaDiCaL forgets its model then).
    [[nodiscard]] virtual bool value(int variable) const = 0;
    /// The solver's name, for reports ("dpll", "cadical").
    [[nodiscard]] virtual std::string_view name() const noexcept = 0;

    void add_clause(std::initializer_list<int> literals) {
        add_clause(std::span<const int>(literals.begin(), literals.size()));
    }
};

/// Makes a fresh solver for each formula.
using sat_solver_factory = std::function<std::unique_ptr<sat_solver>()>;

/// DPLL with two watched literals and chronological backtracking: exponential in the worst case,
/// fine for the small remainders left after grounded propagation and for tests. No learning.
class dpll_solver final : public sat_solver {
public:
    int new_variable() override {
        ++vars_;
        value_.push_back(0);
        model_.push_back(false);
        watches_.emplace_back();
        watches_.emplace_back();
        return vars_;
    }

    void add_clause(std::span<const int> literals) override {
        backtrack(0);
        std::vector<int> c;
        for (const int l : literals) {
            const int v = lit_value(l);
            if (v > 0) return;  // already true at level 0
            if (v < 0) continue;  // false at level 0: drop
            bool dup = false, taut = false;
            for (const int k : c) {
                if (k == l) dup = true;
                if (k == -l) taut = true;
            }
            if (taut) return;
            if (!dup) c.push_back(l);
        }
        if (c.empty()) {
            inconsistent_ = true;
            return;
        }
        if (c.size() == 1) {
            assign(c[0]);
            if (!propagate()) inconsistent_ = true;
            return;
        }
        const auto index = static_cast<std::uint32_t>(clauses_.size());
        clauses_.push_back(std::move(c));
        watches_[watch_index(-clauses_.back()[0])].push_back(index);
        watches_[watch_index(-clauses_.back()[1])].push_back(index);
    }
    using sat_solver::add_clause;

    sat_result solve(std::span<const int> assumptions) override {
        backtrack(0);
        if (inconsistent_) return sat_result::unsatisfiable;
        // Level-0 propagation is complete after every add_clause; now decide.
        std::size_t next_assumption = 0;
        std::uint32_t next_var = 1;
        while (true) {
            // Choose the next decision: assumptions first, then the lowest unassigned variable.
            int decision = 0;
            bool is_assumption = false;
            while (next_assumption < assumptions.size()) {
                const int a = assumptions[next_assumption];
                const int v = lit_value(a);
                if (v > 0) {
                    ++next_assumption;
                    continue;
                }
                if (v < 0) {
                    backtrack(0);
                    return sat_result::unsatisfiable;
                }
                decision = a;
                is_assumption = true;
                ++next_assumption;
                break;
            }
            if (decision == 0) {
                while (next_var <= static_cast<std::uint32_t>(vars_) && value_[next_var - 1] != 0) ++next_var;
                if (next_var > static_cast<std::uint32_t>(vars_)) {
                    for (int v = 1; v <= vars_; ++v) model_[static_cast<std::size_t>(v - 1)] = value_[static_cast<std::size_t>(v - 1)] > 0;
                    backtrack(0);
                    return sat_result::satisfiable;
                }
                decision = -static_cast<int>(next_var);
            }
            decisions_.push_back({.trail_size = trail_.size(), .literal = decision,
                                  .flipped = is_assumption, .assumption_index = next_assumption,
                                  .next_var = next_var});
            assign(decision);
            while (!propagate()) {
                // Undo to the last decision that can still be flipped.
                while (!decisions_.empty() && decisions_.back().flipped) {
                    undo_to(decisions_.back().trail_size);
                    decisions_.pop_back();
                }
                if (decisions_.empty()) {
                    backtrack(0);
                    return sat_result::unsatisfiable;
                }
                auto& d = decisions_.back();
                undo_to(d.trail_size);
                d.flipped = true;
                d.literal = -d.literal;
                next_assumption = d.assumption_index;
                next_var = d.next_var;
                assign(d.literal);
            }
        }
    }
    using sat_solver::solve;

    bool value(int variable) const override { return model_[static_cast<std::size_t>(variable - 1)]; }
    std::string_view name() const noexcept override { return "dpll"; }

private:
    struct decision_entry {
        std::size_t trail_size = 0;
        int literal = 0;
        bool flipped = false;
        std::size_t assumption_index = 0;
        std::uint32_t next_var = 1;
    };

    static std::size_t watch_index(int lit) noexcept {
        return 2 * static_cast<std::size_t>(std::abs(lit) - 1) + (lit < 0 ? 1 : 0);
    }
    int lit_value(int lit) const noexcept {
        const int v = value_[static_cast<std::size_t>(std::abs(lit) - 1)];
        return lit > 0 ? v : -v;
    }
    void assign(int lit) {
        value_[static_cast<std::size_t>(std::abs(lit) - 1)] = static_cast<std::int8_t>(lit > 0 ? 1 : -1);
        trail_.push_back(lit);
    }
    void undo_to(std::size_t size) {
        while (trail_.size() > size) {
            value_[static_cast<std::size_t>(std::abs(trail_.back()) - 1)] = 0;
            trail_.pop_back();
        }
        if (head_ > trail_.size()) head_ = trail_.size();
    }
    void backtrack(std::size_t level) {
        while (decisions_.size() > level) {
            undo_to(decisions_.back().trail_size);
            decisions_.pop_back();
        }
    }
    // Two-watched-literal unit propagation from head_; false on a conflict.
    bool propagate() {
        while (head_ < trail_.size()) {
            const int lit = trail_[head_++];  // lit became true: clauses watching ¬lit
            auto& list = watches_[watch_index(lit)];
            std::size_t keep = 0;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::uint32_t ci = list[i];
                auto& c = clauses_[ci];
                if (c[0] == -lit) std::swap(c[0], c[1]);
                // c[1] == -lit is false now
                if (lit_value(c[0]) > 0) {
                    list[keep++] = ci;
                    continue;
                }
                bool moved = false;
                for (std::size_t k = 2; k < c.size(); ++k) {
                    if (lit_value(c[k]) >= 0) {
                        std::swap(c[1], c[k]);
                        watches_[watch_index(-c[1])].push_back(ci);
                        moved = true;
                        break;
                    }
                }
                if (moved) continue;
                list[keep++] = ci;
                if (lit_value(c[0]) < 0) {
                    for (std::size_t j = i + 1; j < list.size(); ++j) list[keep++] = list[j];
                    list.resize(keep);
                    head_ = trail_.size();
                    return false;
                }
                assign(c[0]);
            }
            list.resize(keep);
        }
        return true;
    }

    int vars_ = 0;
    bool inconsistent_ = false;
    std::vector<std::int8_t> value_{};  // 0 unassigned, 1 true, -1 false
    std::vector<bool> model_{};
    std::vector<std::vector<int>> clauses_{};
    std::vector<std::vector<std::uint32_t>> watches_{};  // by literal that, when true, falsifies the watch
    std::vector<int> trail_{};
    std::size_t head_ = 0;
    std::vector<decision_entry> decisions_{};
};

/// The solver of the header library: DPLL.
[[nodiscard]] inline sat_solver_factory dpll_solver_factory() {
    return [] { return std::make_unique<dpll_solver>(); };
}

namespace detail {

// Grows the model just found to a ⊆-maximal one of the same formula, on the variables `vars`
// (in_a for preferred, r_a for range maximisation): require every true variable and one more
// until unsatisfiable. Returns the values of `vars` in the maximal model.
inline std::vector<bool> maximise(sat_solver& s, const std::vector<int>& vars,
                                  std::vector<int> fixed_assumptions = {}) {
    std::vector<bool> cur(vars.size());
    for (std::size_t i = 0; i < vars.size(); ++i) cur[i] = s.value(vars[i]);
    std::vector<int> assumptions, clause;
    while (true) {
        assumptions = fixed_assumptions;
        clause.clear();
        const int act = s.new_variable();
        clause.push_back(-act);
        for (std::size_t i = 0; i < vars.size(); ++i) {
            if (cur[i])
                assumptions.push_back(vars[i]);
            else
                clause.push_back(vars[i]);
        }
        if (clause.size() == 1) {  // everything already true
            s.add_clause({-act});
            break;
        }
        s.add_clause(clause);
        assumptions.push_back(act);
        const sat_result r = s.solve(assumptions);
        if (r == sat_result::satisfiable)
            for (std::size_t i = 0; i < vars.size(); ++i) cur[i] = s.value(vars[i]);
        s.add_clause({-act});
        if (r != sat_result::satisfiable) break;
    }
    return cur;
}

// Adds ⋁_{i : !set[i]} vars[i]; returns false when that clause would be empty (set is all).
inline bool require_outside(sat_solver& s, const std::vector<int>& vars, const std::vector<bool>& set) {
    std::vector<int> clause;
    for (std::size_t i = 0; i < vars.size(); ++i)
        if (!set[i]) clause.push_back(vars[i]);
    if (clause.empty()) return false;
    s.add_clause(clause);
    return true;
}

}  // namespace detail

}  // namespace narrative
