// SPDX-License-Identifier: MIT
#pragma once
// Complete, stable and preferred extensions solved one strongly connected component at a time,
// attackers' components first (the SCC-recursive schema of Baroni, Giacomin & Guida 2005, in
// its labelling form). The label of an argument depends only on its attackers, so once every
// component upstream is labelled, a component is a small problem of its own: single arguments
// are labelled by propagation, larger components by a SAT call over their arguments alone.
// Preferred extensions are the labellings that are in-maximal in every component given the
// labels upstream (preferred semantics is SCC-recursive), so one preferred extension needs no
// backtracking; stable extensions may (a component can have no stable labelling under some
// choice upstream), and enumeration visits every combination by depth-first search.

#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/labelling_encoding.hpp>
#include <narrative/extensions/sat_solver.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace narrative {

/// The strongly connected components of an attack graph, in an order where every attacker's
/// component comes no later than its target's.
struct scc_decomposition {
    std::vector<std::uint32_t> component{};              ///< per argument: its position in `members`
    std::vector<std::vector<std::uint32_t>> members{};   ///< the components in order, each sorted

    [[nodiscard]] static scc_decomposition of(const attack_graph& g) {
        const std::uint32_t n = g.argument_count();
        using csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                       boost::no_property, std::uint32_t, std::uint32_t>;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        edges.reserve(g.attack_count());
        for (std::uint32_t a = 0; a < n; ++a)
            for (const std::uint32_t t : g.targets(a)) edges.emplace_back(a, t);
        const csr graph(boost::edges_are_sorted, edges.begin(), edges.end(), n);
        edges = {};
        std::vector<std::uint32_t> raw(n);
        const auto count = static_cast<std::uint32_t>(boost::strong_components(
            graph, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, graph))));
        // Topological order of the condensation by Kahn's peeling (not relying on the numbering
        // the algorithm happens to produce).
        std::vector<std::uint32_t> incoming(count, 0);
        std::vector<std::vector<std::uint32_t>> next(count);
        for (std::uint32_t a = 0; a < n; ++a)
            for (const std::uint32_t t : g.targets(a))
                if (raw[a] != raw[t]) {
                    next[raw[a]].push_back(raw[t]);
                    ++incoming[raw[t]];
                }
        std::vector<std::uint32_t> position(count), ready;
        for (std::uint32_t c = 0; c < count; ++c)
            if (incoming[c] == 0) ready.push_back(c);
        std::uint32_t placed = 0;
        while (!ready.empty()) {
            const std::uint32_t c = ready.back();
            ready.pop_back();
            position[c] = placed++;
            for (const std::uint32_t d : next[c])
                if (--incoming[d] == 0) ready.push_back(d);
        }
        scc_decomposition out;
        out.component.resize(n);
        out.members.resize(count);
        for (std::uint32_t a = 0; a < n; ++a) {
            out.component[a] = position[raw[a]];
            out.members[position[raw[a]]].push_back(a);  // a increases: each list sorted
        }
        return out;
    }
};

/// Which labellings the component search visits.
enum class scc_target {
    complete,   ///< every complete labelling
    stable,     ///< complete labellings without UNDEC
    preferred,  ///< complete labellings whose IN set is maximal in each component
};

namespace detail {

// Depth-first search over the components in order, with an explicit stack of the components
// that had a choice (so a million trivial components cost no recursion).
class scc_search {
public:
    scc_search(const attack_graph& g, const scc_decomposition& d, const sat_solver_factory& solvers, scc_target target)
        : g_(g), d_(d), solvers_(solvers), target_(target), labels_(g.argument_count(), unset) {}

    // Calls f with the IN set of each labelling; returns false when f stopped the search.
    bool run(const std::function<bool(const argument_set&)>& f) {
        const auto components = static_cast<std::uint32_t>(d_.members.size());
        std::uint32_t k = 0;
        while (true) {
            bool failed = false;
            while (k < components && !failed) {
                const auto& m = d_.members[k];
                if (m.size() == 1 && !g_.attacks(m[0], m[0])) {
                    failed = !label_single(m[0]);
                    ++k;
                    continue;
                }
                choices_.push_back(open_choice(k));
                if (!next_choice(choices_.back())) {
                    choices_.pop_back();
                    failed = true;
                } else {
                    ++k;
                }
            }
            if (!failed && !f(in_set())) return false;
            // Back to the latest component with another labelling; trivial components after it
            // are relabelled on the way down again.
            bool resumed = false;
            while (!choices_.empty()) {
                choice& c = choices_.back();
                undo_to(c.trail_mark);
                if (next_choice(c)) {
                    k = c.component + 1;
                    resumed = true;
                    break;
                }
                choices_.pop_back();
            }
            if (!resumed) return true;
        }
    }

private:
    enum value : std::uint8_t { unset, in, out, undec };

    struct choice {
        std::uint32_t component = 0;
        std::size_t trail_mark = 0;       // trail length before this component's labels
        std::unique_ptr<sat_solver> solver{};
        std::vector<int> in_vars{}, out_vars{};
        bool exhausted = false;
    };

    void set(std::uint32_t a, value v) {
        labels_[a] = v;
        trail_.push_back(a);
    }
    void undo_to(std::size_t mark) {
        while (trail_.size() > mark) {
            labels_[trail_.back()] = unset;
            trail_.pop_back();
        }
    }

    // An argument alone in its component: every attacker is labelled.
    bool label_single(std::uint32_t a) {
        bool some_in = false, all_out = true;
        for (const std::uint32_t b : g_.attackers(a)) {
            some_in = some_in || labels_[b] == in;
            all_out = all_out && labels_[b] == out;
        }
        const value v = some_in ? out : (all_out ? in : undec);
        if (v == undec && target_ == scc_target::stable) return false;
        set(a, v);
        return true;
    }

    // The complete-labelling clauses of one component, given the labels upstream.
    choice open_choice(std::uint32_t k) {
        choice c;
        c.component = k;
        c.trail_mark = trail_.size();
        c.solver = solvers_();
        sat_solver& s = *c.solver;
        const auto& m = d_.members[k];
        c.in_vars.resize(m.size());
        c.out_vars.resize(m.size());
        for (auto& v : c.in_vars) v = s.new_variable();
        for (auto& v : c.out_vars) v = s.new_variable();
        const auto local = [&](std::uint32_t b) {
            return static_cast<std::size_t>(std::lower_bound(m.begin(), m.end(), b) - m.begin());
        };
        std::vector<int> some_in_attacker, all_out;
        for (std::size_t i = 0; i < m.size(); ++i) {
            const int in_a = c.in_vars[i], out_a = c.out_vars[i];
            bool upstream_in = false, upstream_not_out = false;
            some_in_attacker.assign(1, -out_a);
            all_out.assign(1, in_a);
            for (const std::uint32_t b : g_.attackers(m[i])) {
                if (d_.component[b] != k) {
                    upstream_in = upstream_in || labels_[b] == in;
                    upstream_not_out = upstream_not_out || labels_[b] != out;
                    continue;
                }
                const std::size_t j = local(b);
                some_in_attacker.push_back(c.in_vars[j]);
                s.add_clause({-c.in_vars[j], out_a});  // an IN attacker makes a OUT
                s.add_clause({-in_a, c.out_vars[j]});  // a IN needs every attacker OUT
                all_out.push_back(-c.out_vars[j]);
            }
            // out_a ↔ some attacker IN
            if (upstream_in)
                s.add_clause({out_a});
            else
                s.add_clause(some_in_attacker);
            // in_a ↔ every attacker OUT
            if (upstream_not_out)
                s.add_clause({-in_a});
            else
                s.add_clause(all_out);
            s.add_clause({-in_a, -out_a});
            if (target_ == scc_target::stable) s.add_clause({in_a, out_a});
        }
        return c;
    }

    // Labels the component with its next labelling; false when there is none left.
    bool next_choice(choice& c) {
        if (c.exhausted || c.solver->solve() != sat_result::satisfiable) return false;
        std::vector<bool> member(c.in_vars.size());
        if (target_ == scc_target::preferred) {
            member = maximise(*c.solver, c.in_vars);
            // the next one must hold an argument outside this one (no subset of it is maximal)
            c.exhausted = !require_outside(*c.solver, c.in_vars, member);
        } else {
            for (std::size_t i = 0; i < member.size(); ++i) member[i] = c.solver->value(c.in_vars[i]);
            std::vector<int> block;
            for (std::size_t i = 0; i < member.size(); ++i) block.push_back(member[i] ? -c.in_vars[i] : c.in_vars[i]);
            if (block.empty())
                c.exhausted = true;
            else
                c.solver->add_clause(block);  // a complete labelling is fixed by its IN set
        }
        // OUT: attacked by an IN argument, upstream or here; UNDEC otherwise
        const auto& m = d_.members[c.component];
        for (std::size_t i = 0; i < m.size(); ++i)
            if (member[i]) set(m[i], in);
        for (std::size_t i = 0; i < m.size(); ++i) {
            if (member[i]) continue;
            bool some_in = false;
            for (const std::uint32_t b : g_.attackers(m[i])) some_in = some_in || labels_[b] == in;
            set(m[i], some_in ? out : undec);
        }
        return true;
    }

    argument_set in_set() const {
        argument_set e;
        for (std::uint32_t a = 0; a < labels_.size(); ++a)
            if (labels_[a] == in) e.push_back(a);
        return e;
    }

    const attack_graph& g_;
    const scc_decomposition& d_;
    const sat_solver_factory& solvers_;
    scc_target target_;
    std::vector<value> labels_;
    std::vector<std::uint32_t> trail_{};
    std::vector<choice> choices_{};
};

}  // namespace detail

/// Visits the labellings of `target` component by component and calls `f` with the IN set of
/// each until it returns false. Returns true when every one was visited.
inline bool enumerate_by_components(const attack_graph& g, const sat_solver_factory& solvers, scc_target target,
                                    const std::function<bool(const argument_set&)>& f) {
    const scc_decomposition d = scc_decomposition::of(g);
    detail::scc_search search(g, d, solvers, target);
    return search.run(f);
}

}  // namespace narrative
