// SPDX-License-Identifier: MIT
// The code example of the README, compiled and run as a test so that it stays true.
#include <narrative/narrative.hpp>
#include <iostream>

int main() {
    // Load a case file; every problem of the file is reported together, with its location.
    narrative::case_model c = narrative::read_case_file("examples/ceasefire/ceasefire.json");

    // The graph is a Boost.Graph adjacency_list with bundled statement/relation properties.
    for (auto e : c.relations()) {
        const narrative::relation& r = c.relation_at(e);
        if (r.type != narrative::relation_type::contradicts) continue;
        std::cout << c.statement_at(c.source(e)).id << " contradicts "
                  << c.statement_at(c.target(e)).id << '\n';
    }
}
