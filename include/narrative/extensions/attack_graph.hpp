// SPDX-License-Identifier: MIT
#pragma once
// The attack graph of Dung's abstract argumentation (A, R) in CSR form, both orientations, built
// from the compiled statement graph (supports dropped) or from a list of attacks.

#include <narrative/error.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace narrative {

/// One attack: `from` attacks `to`.
struct attack {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    friend bool operator==(const attack&, const attack&) = default;
    friend auto operator<=>(const attack&, const attack&) = default;
};

/// An argumentation framework (A, R) with A = {0, …, n − 1}: attackers(v) and targets(v) as CSR
/// rows, each sorted and without duplicates. Vertex numbers are statement indices.
class attack_graph {
public:
    attack_graph() = default;

    /// From a list of attacks over n arguments; duplicates are merged. Throws model_error on an
    /// attack naming an argument ≥ n.
    [[nodiscard]] static attack_graph from_attacks(std::uint32_t n, std::vector<attack> attacks) {
        for (const attack& a : attacks)
            if (a.from >= n || a.to >= n)
                throw model_error("attack_graph: attack " + std::to_string(a.from) + " -> " +
                                  std::to_string(a.to) + " names an argument outside 0.." +
                                  std::to_string(n == 0 ? 0 : n - 1));
        std::sort(attacks.begin(), attacks.end());
        attacks.erase(std::unique(attacks.begin(), attacks.end()), attacks.end());
        attack_graph g;
        g.n_ = n;
        g.out_offsets_.assign(std::size_t{n} + 1, 0);
        g.in_offsets_.assign(std::size_t{n} + 1, 0);
        for (const attack& a : attacks) {
            ++g.out_offsets_[a.from + 1];
            ++g.in_offsets_[a.to + 1];
        }
        for (std::uint32_t v = 0; v < n; ++v) {
            g.out_offsets_[v + 1] += g.out_offsets_[v];
            g.in_offsets_[v + 1] += g.in_offsets_[v];
        }
        g.out_target_.resize(attacks.size());
        g.in_source_.resize(attacks.size());
        std::vector<std::uint32_t> in_cursor(g.in_offsets_.begin(), g.in_offsets_.end() - 1);
        // Attacks are sorted by (from, to): out rows come out sorted; in rows get their sources in
        // increasing order too, since the scan visits sources in increasing order.
        for (std::size_t i = 0; i < attacks.size(); ++i) {
            g.out_target_[i] = attacks[i].to;
            g.in_source_[in_cursor[attacks[i].to]++] = attacks[i].from;
        }
        return g;
    }

    /// The attacks of a compiled statement graph: one per directed `contradicts` arc (a mutual
    /// contradiction is two attacks); supports are ignored.
    [[nodiscard]] static attack_graph from_compiled(const compiled_graph& g) {
        std::vector<attack> attacks;
        attacks.reserve(g.arc_count());
        for (std::uint32_t v = 0; v < g.statement_count; ++v)
            for (const std::uint32_t u : g.attackers(v)) attacks.push_back({.from = u, .to = v});
        return from_attacks(g.statement_count, std::move(attacks));
    }

    [[nodiscard]] std::uint32_t argument_count() const noexcept { return n_; }
    [[nodiscard]] std::size_t attack_count() const noexcept { return out_target_.size(); }
    /// Who attacks v, in increasing order.
    [[nodiscard]] std::span<const std::uint32_t> attackers(std::uint32_t v) const {
        return {in_source_.data() + in_offsets_[v], in_source_.data() + in_offsets_[v + 1]};
    }
    /// Whom v attacks, in increasing order.
    [[nodiscard]] std::span<const std::uint32_t> targets(std::uint32_t v) const {
        return {out_target_.data() + out_offsets_[v], out_target_.data() + out_offsets_[v + 1]};
    }
    [[nodiscard]] bool attacks(std::uint32_t from, std::uint32_t to) const {
        const auto t = targets(from);
        return std::binary_search(t.begin(), t.end(), to);
    }
    /// Every attack, ordered by (from, to).
    [[nodiscard]] std::vector<attack> attack_list() const {
        std::vector<attack> out;
        out.reserve(attack_count());
        for (std::uint32_t v = 0; v < n_; ++v)
            for (const std::uint32_t t : targets(v)) out.push_back({.from = v, .to = t});
        return out;
    }

private:
    std::uint32_t n_ = 0;
    std::vector<std::uint32_t> in_offsets_ = std::vector<std::uint32_t>(1, 0);
    std::vector<std::uint32_t> in_source_{};
    std::vector<std::uint32_t> out_offsets_ = std::vector<std::uint32_t>(1, 0);
    std::vector<std::uint32_t> out_target_{};
};

}  // namespace narrative
