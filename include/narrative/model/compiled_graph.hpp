// SPDX-License-Identifier: MIT
#pragma once
// A read-only snapshot of the statement graph as compact CSR arrays, for numeric analyses.
// Built once in O(n + m); each node's attackers are stored before its supporters.

#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace narrative {

/// One directed arc of the compiled form: `from` attacks or supports `to`.
struct compiled_arc {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    double weight = 1.0;
    relation_type type = relation_type::supports;
    /// The relation it comes from (index in case_model::relations()); a mutual contradiction
    /// gives two arcs with the same relation index.
    std::uint32_t relation = 0;
};

/// What to take from the case when compiling.
struct compile_options {
    bool include_inferred = true;  ///< take inferred relations as well as asserted ones
};

/// The statement graph as structure-of-arrays CSR, in both orientations.
///
/// In-arcs of statement v (who bears on v): positions [in_offsets[v], in_split[v]) are its
/// attackers, [in_split[v], in_offsets[v + 1]) its supporters. Out-arcs likewise with
/// out_offsets / out_split (whom v attacks, then whom v supports). Within each group arcs keep
/// relation order. A mutual `contradicts` relation becomes two attacks. Vertex numbers are the
/// case's statement indices.
struct compiled_graph {
    std::uint32_t statement_count = 0;
    std::vector<std::uint32_t> in_offsets{};   ///< size n + 1
    std::vector<std::uint32_t> in_split{};     ///< size n
    std::vector<std::uint32_t> in_source{};    ///< size m: the attacker or supporter
    std::vector<double> in_weight{};           ///< size m
    std::vector<std::uint32_t> in_relation{};  ///< size m: relation index, for explanations
    std::vector<std::uint32_t> out_offsets{};
    std::vector<std::uint32_t> out_split{};
    std::vector<std::uint32_t> out_target{};
    std::vector<double> out_weight{};
    std::vector<std::uint32_t> out_relation{};
    std::vector<double> base{};          ///< size n: case_model::base_of
    std::vector<std::uint32_t> actor{};  ///< size n: actor index or no_actor

    [[nodiscard]] std::uint32_t arc_count() const noexcept {
        return static_cast<std::uint32_t>(in_source.size());
    }
    [[nodiscard]] std::span<const std::uint32_t> attackers(std::uint32_t v) const {
        return {in_source.data() + in_offsets[v], in_source.data() + in_split[v]};
    }
    [[nodiscard]] std::span<const double> attack_weights(std::uint32_t v) const {
        return {in_weight.data() + in_offsets[v], in_weight.data() + in_split[v]};
    }
    [[nodiscard]] std::span<const std::uint32_t> supporters(std::uint32_t v) const {
        return {in_source.data() + in_split[v], in_source.data() + in_offsets[v + 1]};
    }
    [[nodiscard]] std::span<const double> support_weights(std::uint32_t v) const {
        return {in_weight.data() + in_split[v], in_weight.data() + in_offsets[v + 1]};
    }
    [[nodiscard]] bool has_supports() const noexcept {
        for (std::uint32_t v = 0; v < statement_count; ++v)
            if (in_split[v] != in_offsets[v + 1]) return true;
        return false;
    }

    /// Builds the arrays from a list of arcs over `n` statements with the given base scores
    /// (size n) and actors (size n, or empty for all anonymous). Throws model_error on an arc
    /// naming a statement ≥ n, a weight outside (0, 1], or more than 2^32 − 1 arcs.
    [[nodiscard]] static compiled_graph from_arcs(std::uint32_t n, std::span<const compiled_arc> arcs,
                                                  std::vector<double> base,
                                                  std::vector<std::uint32_t> actor = {});

    /// Compiles a case: one arc per relation, two for a mutual contradiction.
    [[nodiscard]] static compiled_graph compile(const case_model& c, compile_options options = {});
};

namespace detail {

// Counting sort of arcs into rows keyed by `row_of`, attacks first, stable within each group.
template <class RowOf, class ColOf>
void fill_csr(std::uint32_t n, std::span<const compiled_arc> arcs, RowOf row_of, ColOf col_of,
              std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& split,
              std::vector<std::uint32_t>& cols, std::vector<double>& weights,
              std::vector<std::uint32_t>& relations) {
    std::vector<std::uint32_t> attacks(n, 0), supports(n, 0);
    for (const auto& a : arcs) {
        if (a.type == relation_type::contradicts)
            ++attacks[row_of(a)];
        else
            ++supports[row_of(a)];
    }
    offsets.assign(std::size_t{n} + 1, 0);
    split.assign(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        split[v] = offsets[v] + attacks[v];
        offsets[v + 1] = split[v] + supports[v];
    }
    // Reuse the counters as write cursors.
    for (std::uint32_t v = 0; v < n; ++v) {
        attacks[v] = offsets[v];
        supports[v] = split[v];
    }
    cols.resize(arcs.size());
    weights.resize(arcs.size());
    relations.resize(arcs.size());
    for (const auto& a : arcs) {
        const std::uint32_t r = row_of(a);
        const std::uint32_t pos = a.type == relation_type::contradicts ? attacks[r]++ : supports[r]++;
        cols[pos] = col_of(a);
        weights[pos] = a.weight;
        relations[pos] = a.relation;
    }
}

}  // namespace detail

inline compiled_graph compiled_graph::from_arcs(std::uint32_t n, std::span<const compiled_arc> arcs,
                                                std::vector<double> base,
                                                std::vector<std::uint32_t> actor) {
    if (arcs.size() >= std::numeric_limits<std::uint32_t>::max())
        throw model_error("too many arcs to compile (the limit is 2^32 - 2)");
    if (base.size() != n) throw model_error("compiled_graph: base must have one entry per statement");
    if (!actor.empty() && actor.size() != n)
        throw model_error("compiled_graph: actor must be empty or have one entry per statement");
    for (const auto& a : arcs) {
        if (a.from >= n || a.to >= n)
            throw model_error("compiled_graph: arc " + std::to_string(a.from) + " -> " +
                              std::to_string(a.to) + " names a statement outside 0.." +
                              std::to_string(n));
        if (!(a.weight > 0.0 && a.weight <= 1.0))
            throw model_error("compiled_graph: arc weight must be in (0, 1]");
    }
    compiled_graph g;
    g.statement_count = n;
    detail::fill_csr(
        n, arcs, [](const compiled_arc& a) { return a.to; },
        [](const compiled_arc& a) { return a.from; }, g.in_offsets, g.in_split, g.in_source,
        g.in_weight, g.in_relation);
    detail::fill_csr(
        n, arcs, [](const compiled_arc& a) { return a.from; },
        [](const compiled_arc& a) { return a.to; }, g.out_offsets, g.out_split, g.out_target,
        g.out_weight, g.out_relation);
    g.base = std::move(base);
    g.actor = actor.empty() ? std::vector<std::uint32_t>(n, no_actor) : std::move(actor);
    return g;
}

inline compiled_graph compiled_graph::compile(const case_model& c, compile_options options) {
    const auto n = static_cast<std::uint32_t>(c.statement_count());
    std::vector<compiled_arc> arcs{};
    arcs.reserve(c.relation_count() + c.relation_count() / 2);
    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.provenance == provenance::inferred && !options.include_inferred) continue;
        const auto from = static_cast<std::uint32_t>(c.source(e));
        const auto to = static_cast<std::uint32_t>(c.target(e));
        arcs.push_back({.from = from, .to = to, .weight = r.effective_weight(), .type = r.type,
                        .relation = r.index});
        if (r.type == relation_type::contradicts && r.is_mutual() && from != to)
            arcs.push_back({.from = to, .to = from, .weight = r.effective_weight(), .type = r.type,
                            .relation = r.index});
    }
    std::vector<double> base(n);
    std::vector<std::uint32_t> actor(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        base[v] = c.base_of(v);
        actor[v] = c.statement_at(v).actor_index;
    }
    return from_arcs(n, arcs, std::move(base), std::move(actor));
}

}  // namespace narrative
