// SPDX-License-Identifier: MIT
// Defines gradual semantics outside the library and runs them with the library's engine,
// registry and principle kit, without changing the library.

#include "custom_semantics.hpp"

#include <narrative/narrative.hpp>
#include <narrative/principles/principles.hpp>

#include <cstdio>
#include <string>

int main() {
    // The illustrative graph of the semantics reference §3.8: a (0.5) attacked by b (0.7) and
    // d (0.4), supported by c (0.3).
    narrative::case_model c;
    for (const auto& [id, base] : {std::pair{"a", 0.5}, {"b", 0.7}, {"c", 0.3}, {"d", 0.4}})
        c.add_statement({.id = id, .base = base});
    c.relate("b", "a", {.type = narrative::relation_type::contradicts, .directed = true});
    c.relate("c", "a", {.type = narrative::relation_type::supports});
    c.relate("d", "a", {.type = narrative::relation_type::contradicts, .directed = true});

    // 1. Run user semantics directly: the engine takes any type satisfying the concept.
    for (const auto& r : {narrative::score(c, my::mlp_based{}), narrative::score(c, my::mean_energy{}),
                          narrative::score(c, my::half_top{})})
        std::printf("%-12s sigma(a) = %.6f  (%s, converged: %s)\n", r.semantics.c_str(), r.strength[0],
                    std::string(narrative::to_string(r.solver.method)).c_str(), r.run.converged ? "yes" : "no");

    // 2. Register one for run-time choice by name, next to the built-ins.
    narrative::default_gradual_registry().add(my::mlp_based{}, "sum aggregation + MLP influence (Potyka 2021)");
    const auto by_name = narrative::score(c, "mlp-based");
    std::printf("by name      sigma(a) = %.6f\n", by_name.strength[0]);

    // 3. Check it against principles with the kit.
    for (const auto p : {narrative::principle::balance, narrative::principle::duality,
                         narrative::principle::franklin, narrative::principle::resilience})
        std::printf("%s\n", narrative::check_principle(p, my::mlp_based{}).to_string().c_str());
    // The from-scratch semantics is not dual: the kit says why.
    const auto dual = narrative::check_principle(narrative::principle::duality, my::half_top{});
    std::printf("%s\n", dual.to_string().c_str());
    return 0;
}
