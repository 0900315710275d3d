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

/// The grounded labelling: IN = the grounded extension, OUT = attacked by it, UNDEC the rest.
/// Unattacked arguments are IN; an IN argument makes its targets OUT; an argument whose
/// attackers are all OUT becomes IN. Each argument and attack is visited at most once.
[[nodiscard]] inline std::vector<label> grounded_labelling(const attack_graph& g) {
    const std::uint32_t n = g.argument_count();
    std::vector<label> lab(n, label::undec);
    std::vector<std::uint32_t> live(n);  // attackers not yet OUT
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        live[v] = static_cast<std::uint32_t>(g.attackers(v).size());
        if (live[v] == 0) {
            lab[v] = label::in;
            queue.push_back(v);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        for (const std::uint32_t t : g.targets(queue[head])) {
            if (lab[t] == label::out) continue;
            lab[t] = label::out;
            for (const std::uint32_t u : g.targets(t)) {
                if (--live[u] == 0 && lab[u] == label::undec) {
                    lab[u] = label::in;
                    queue.push_back(u);
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
