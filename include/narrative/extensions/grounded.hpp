// SPDX-License-Identifier: MIT
#pragma once
// The grounded labelling in O(n + m) by queue propagation (semantics reference §7.2).

#include <narrative/extensions/attack_graph.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace narrative {

/// The label of an argument in a labelling (Caminada 2006).
enum class label : std::uint8_t { undec, in, out };

[[nodiscard]] constexpr std::string_view to_string(label l) noexcept {
    return l == label::in ? "in" : l == label::out ? "out" : "undec";
}

namespace detail {

// Asks the cache for the start of v's row of targets (a hint; nothing on other compilers).
inline void prefetch_targets(const attack_graph& g, std::uint32_t v) {
#if defined(__GNUC__)
    __builtin_prefetch(g.targets(v).data());
#else
    (void)g;
    (void)v;
#endif
}

}  // namespace detail

/// The grounded labelling: IN = the grounded extension, OUT = attacked by it, UNDEC the rest.
/// Unattacked arguments are IN; an IN argument makes its targets OUT; an argument whose
/// attackers are all OUT becomes IN. Each argument and attack is visited at most once. Two
/// queues (new IN, new OUT arguments) are drained alternately with the rows a few places ahead
/// prefetched, since propagation visits the rows in no order the cache can guess.
[[nodiscard]] inline std::vector<label> grounded_labelling(const attack_graph& g) {
    const std::uint32_t n = g.argument_count();
    std::vector<label> lab(n, label::undec);
    std::vector<std::uint32_t> live(n);  // attackers not yet OUT
    std::vector<std::uint32_t> in_queue, out_queue;
    for (std::uint32_t v = 0; v < n; ++v) {
        live[v] = static_cast<std::uint32_t>(g.attackers(v).size());
        if (live[v] == 0) {
            lab[v] = label::in;
            in_queue.push_back(v);
        }
    }
    constexpr std::size_t ahead = 16;
    std::size_t in_head = 0, out_head = 0;
    while (in_head < in_queue.size() || out_head < out_queue.size()) {
        for (; in_head < in_queue.size(); ++in_head) {
            if (in_head + ahead < in_queue.size()) detail::prefetch_targets(g, in_queue[in_head + ahead]);
            for (const std::uint32_t t : g.targets(in_queue[in_head])) {
                if (lab[t] == label::out) continue;
                lab[t] = label::out;
                out_queue.push_back(t);
            }
        }
        for (; out_head < out_queue.size(); ++out_head) {
            if (out_head + ahead < out_queue.size()) detail::prefetch_targets(g, out_queue[out_head + ahead]);
            for (const std::uint32_t u : g.targets(out_queue[out_head])) {
                if (--live[u] == 0 && lab[u] == label::undec) {
                    lab[u] = label::in;
                    in_queue.push_back(u);
                }
            }
        }
    }
    return lab;
}

/// The grounded extension, in increasing argument order.
[[nodiscard]] inline std::vector<std::uint32_t> grounded_extension(const attack_graph& g) {
    const auto lab = grounded_labelling(g);
    std::vector<std::uint32_t> e;
    for (std::uint32_t v = 0; v < g.argument_count(); ++v)
        if (lab[v] == label::in) e.push_back(v);
    return e;
}

}  // namespace narrative
