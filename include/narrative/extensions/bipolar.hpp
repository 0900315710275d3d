// SPDX-License-Identifier: MIT
#pragma once
// Bipolar-to-attack reductions: the derived (complex) attacks of a support reading, added to the
// direct attacks to give a new attack graph (semantics reference §8; Cayrol & Lagasquie-Schiex
// 2013; Nouioua & Risch 2010; Polberg & Oren 2014).

#include <narrative/error.hpp>
#include <narrative/extensions/attack_graph.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// What a `supports` relation means for the crisp semantics.
enum class support_reading {
    none,       ///< supports are ignored: the attack graph is the contradictions alone
    deductive,  ///< accepting the supporter forces accepting the supported (Boella et al. 2010)
    necessary,  ///< the supported cannot be accepted without the supporter (Nouioua & Risch 2010)
};

[[nodiscard]] constexpr std::string_view to_string(support_reading r) noexcept {
    switch (r) {
        case support_reading::none: return "none";
        case support_reading::deductive: return "deductive";
        case support_reading::necessary: return "necessary";
    }
    return "none";
}

/// Parses "none", "deductive" or "necessary"; throws usage_error otherwise.
[[nodiscard]] inline support_reading parse_support_reading(std::string_view text) {
    if (text == "none") return support_reading::none;
    if (text == "deductive") return support_reading::deductive;
    if (text == "necessary") return support_reading::necessary;
    throw usage_error("unknown support reading '" + std::string(text) +
                      "' (valid: none, deductive, necessary)");
}

/// The pattern that produced a derived attack (semantics reference §8.1).
enum class attack_pattern {
    supported,       ///< a ⇒ b, b attacks c: a attacks c (deductive)
    mediated,        ///< b ⇒ c, a attacks c: a attacks b (deductive)
    super_mediated,  ///< b ⇒ c, a supported-attacks c: a attacks b (deductive)
    secondary,       ///< a attacks b, b ⇒ c: a attacks c (necessary)
    extended,        ///< a ⇒ b, a attacks c: b attacks c (necessary)
    extended_secondary,  ///< a extended-attacks b, b ⇒ c: a attacks c (necessary)
};

[[nodiscard]] constexpr std::string_view to_string(attack_pattern p) noexcept {
    switch (p) {
        case attack_pattern::supported: return "supported";
        case attack_pattern::mediated: return "mediated";
        case attack_pattern::super_mediated: return "super-mediated";
        case attack_pattern::secondary: return "secondary";
        case attack_pattern::extended: return "extended";
        case attack_pattern::extended_secondary: return "extended-secondary";
    }
    return "supported";
}

/// An attack the reduction added, with the pattern and the support chain behind it: for a
/// supported or extended attack `via` is the argument whose attack is carried, for a mediated
/// or secondary attack the argument whose attacker is inherited.
struct derived_attack {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    attack_pattern pattern = attack_pattern::supported;
    std::uint32_t via = 0;
};

/// The largest support closure (pairs a ⇒ b) reduce_bipolar builds before refusing: 50 million.
inline constexpr std::size_t default_max_closure_pairs = 50'000'000;

/// The attack graph of a bipolar framework under a support reading, and what was derived.
///
/// Under the necessary reading an argument can only be accepted after everything it needs
/// (Nouioua & Risch 2011: only "powerful" arguments, reached from arguments that need nothing,
/// are accepted). An argument whose needs loop back on themselves (a support cycle, a
/// self-support, or anything needing such an argument) is in no extension: it is listed in
/// `unfounded`, and the graph gets one extra argument, the *sentinel* (index `arguments`),
/// which nothing attacks and which attacks every unfounded argument. The sentinel is in every
/// extension of every semantics here; `run_task` on a reduction removes it from the answers.
struct bipolar_reduction {
    support_reading reading = support_reading::none;
    attack_graph graph{};                 ///< direct and derived attacks (and the sentinel's)
    std::vector<derived_attack> derived{};  ///< attacks not among the direct ones, by (from, to)
    std::uint32_t arguments = 0;          ///< arguments of the framework, sentinel excluded
    std::vector<std::uint32_t> unfounded{};  ///< necessary reading: accepted in no extension, sorted
    [[nodiscard]] bool has_sentinel() const noexcept { return graph.argument_count() > arguments; }
};

namespace detail {

// For each argument, the arguments reachable from it by a support path of length ≥ 1, following
// `succ` (CSR rows). Sorted rows. O(n·(n + m)). Throws model_error when the closure would hold
// more than `max_pairs` pairs.
inline std::vector<std::vector<std::uint32_t>> support_closure(
    std::uint32_t n, const std::vector<std::vector<std::uint32_t>>& succ, std::size_t max_pairs) {
    std::size_t pairs = 0;
    std::vector<std::vector<std::uint32_t>> reach(n);
    std::vector<std::uint32_t> mark(n, UINT32_MAX), stack;
    for (std::uint32_t s = 0; s < n; ++s) {
        if (succ[s].empty()) continue;
        stack.assign(succ[s].begin(), succ[s].end());
        for (const std::uint32_t t : succ[s]) mark[t] = s;
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            reach[s].push_back(v);
            if (++pairs > max_pairs)
                throw model_error("the support closure exceeds " + std::to_string(max_pairs) +
                                  " pairs (support chains too long for the bipolar reduction)");
            for (const std::uint32_t w : succ[v])
                if (mark[w] != s) {
                    mark[w] = s;
                    stack.push_back(w);
                }
        }
        std::sort(reach[s].begin(), reach[s].end());
    }
    return reach;
}

// Necessary reading: the arguments that cannot be reached from arguments needing nothing when
// each must come after everything it needs (Kahn's peeling of the necessity graph; what is
// never peeled lies on or behind a cycle). `supports` are (supporter, supported) pairs, all < n.
inline std::vector<std::uint32_t> unfounded_arguments(std::uint32_t n, std::span<const attack> supports) {
    std::vector<std::uint32_t> needs(n, 0);
    std::vector<std::vector<std::uint32_t>> needed_by(n);
    for (const attack& s : supports) {
        ++needs[s.to];
        needed_by[s.from].push_back(s.to);
    }
    std::vector<std::uint32_t> ready;
    for (std::uint32_t a = 0; a < n; ++a)
        if (needs[a] == 0) ready.push_back(a);
    while (!ready.empty()) {
        const std::uint32_t a = ready.back();
        ready.pop_back();
        for (const std::uint32_t b : needed_by[a])
            if (--needs[b] == 0) ready.push_back(b);
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t a = 0; a < n; ++a)
        if (needs[a] != 0) out.push_back(a);
    return out;
}

}  // namespace detail

/// Reduces a bipolar framework (n arguments, direct attacks, supports as (supporter, supported)
/// pairs) to an attack graph under `reading`. Deductive: supported attacks from the direct
/// ones, then mediated attacks from direct and supported ones (which yields the super-mediated
/// ones). Necessary: the same construction with every support reversed, giving extended,
/// secondary and extended-secondary attacks, and the unfounded arguments (attacked by the
/// sentinel, see bipolar_reduction). Throws model_error on an argument ≥ n, and when the
/// support closure exceeds `max_pairs` pairs or more than 2^32 − 2 attacks result.
[[nodiscard]] inline bipolar_reduction reduce_bipolar(std::uint32_t n, std::vector<attack> direct,
                                                      std::span<const attack> supports,
                                                      support_reading reading,
                                                      std::size_t max_pairs = default_max_closure_pairs) {
    bipolar_reduction out;
    out.reading = reading;
    out.arguments = n;
    out.graph = attack_graph::from_attacks(n, std::move(direct));
    if (reading == support_reading::none) return out;
    for (const attack& s : supports)
        if (s.from >= n || s.to >= n) throw model_error("reduce_bipolar: support names an argument outside the framework");
    const bool reversed = reading == support_reading::necessary;
    std::vector<std::vector<std::uint32_t>> succ(n), pred(n);
    for (const attack& s : supports) {
        if (s.from == s.to) continue;  // a self-support adds nothing
        const std::uint32_t a = reversed ? s.to : s.from, b = reversed ? s.from : s.to;
        succ[a].push_back(b);
        pred[b].push_back(a);
    }
    const auto reach = detail::support_closure(n, succ, max_pairs);       // a ⇒ b
    const auto reached_by = detail::support_closure(n, pred, max_pairs);  // b ⇐ a
    const attack_graph& g = out.graph;
    const attack_pattern first = reversed ? attack_pattern::extended : attack_pattern::supported;
    const attack_pattern second = reversed ? attack_pattern::secondary : attack_pattern::mediated;
    const attack_pattern third = reversed ? attack_pattern::extended_secondary : attack_pattern::super_mediated;

    // Step 1: a ⇒ b and b attacks c gives a attacks c. Reversed (a ⇒ b: b supports a, so a needs
    // b): what needs b inherits b's attacks, the extended attack.
    std::vector<derived_attack> step1;
    for (std::uint32_t a = 0; a < n; ++a)
        for (const std::uint32_t b : reach[a])
            for (const std::uint32_t c : g.targets(b))
                if (!g.attacks(a, c)) {
                    step1.push_back({.from = a, .to = c, .pattern = first, .via = b});
                    if (step1.size() > max_pairs) throw model_error("the bipolar reduction derives too many attacks");
                }
    std::sort(step1.begin(), step1.end(), [](const derived_attack& x, const derived_attack& y) {
        return x.from != y.from ? x.from < y.from : x.to < y.to;
    });
    step1.erase(std::unique(step1.begin(), step1.end(),
                            [](const derived_attack& x, const derived_attack& y) {
                                return x.from == y.from && x.to == y.to;
                            }),
                step1.end());
    // Step 2: b ⇒ c and x attacks c (directly or by step 1) gives x attacks b. Reversed (c
    // supports b): attacking a supporter attacks what needs it, the secondary attack.
    std::vector<derived_attack> all = step1;
    const auto add_mediated = [&](std::uint32_t x, std::uint32_t c, attack_pattern p) {
        for (const std::uint32_t b : reached_by[c]) {
            all.push_back({.from = x, .to = b, .pattern = p, .via = c});
            if (all.size() > 2 * max_pairs) throw model_error("the bipolar reduction derives too many attacks");
        }
    };
    for (std::uint32_t x = 0; x < n; ++x)
        for (const std::uint32_t c : g.targets(x)) add_mediated(x, c, second);
    for (const derived_attack& d : step1) add_mediated(d.from, d.to, third);
    // Keep the first pattern per pair (supported before mediated before super-mediated) and
    // drop pairs that are direct attacks.
    std::stable_sort(all.begin(), all.end(), [](const derived_attack& x, const derived_attack& y) {
        return x.from != y.from ? x.from < y.from : x.to < y.to;
    });
    std::vector<derived_attack> unique;
    for (const derived_attack& d : all) {
        if (g.attacks(d.from, d.to)) continue;
        if (!unique.empty() && unique.back().from == d.from && unique.back().to == d.to) continue;
        unique.push_back(d);
    }
    if (reversed) out.unfounded = detail::unfounded_arguments(n, supports);
    if (unique.size() + out.unfounded.size() + out.graph.attack_count() >= UINT32_MAX - 1 || n == UINT32_MAX)
        throw model_error("the bipolar reduction derives too many attacks");
    std::vector<attack> every = out.graph.attack_list();
    for (const derived_attack& d : unique) every.push_back({.from = d.from, .to = d.to});
    for (const std::uint32_t a : out.unfounded) every.push_back({.from = n, .to = a});
    out.graph = attack_graph::from_attacks(out.unfounded.empty() ? n : n + 1, std::move(every));
    out.derived = std::move(unique);
    return out;
}

/// The reduction of a compiled statement graph: its contradictions (a mutual one is two
/// attacks) and its supports.
[[nodiscard]] inline bipolar_reduction reduce_bipolar(const compiled_graph& g, support_reading reading) {
    std::vector<attack> direct, supports;
    for (std::uint32_t v = 0; v < g.statement_count; ++v) {
        for (const std::uint32_t u : g.attackers(v)) direct.push_back({.from = u, .to = v});
        for (const std::uint32_t u : g.supporters(v)) supports.push_back({.from = u, .to = v});
    }
    return reduce_bipolar(g.statement_count, std::move(direct), supports, reading);
}

}  // namespace narrative
