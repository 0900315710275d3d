// SPDX-License-Identifier: MIT
// The code example of the README, compiled and run as a test so that it stays true.
#include <narrative/narrative.hpp>
#include <iostream>

int main() {
    // Load a case; every problem of the file is reported together, with its location.
    narrative::case_model c = narrative::read_case_file("examples/ceasefire/ceasefire.json");
    narrative::infer_relations(c);  // supports/contradicts implied by the structured claims

    // Statement strength under a gradual semantics (here DF-QuAD), with solver status.
    const narrative::score_result s = narrative::score(c, "df-quad");
    for (narrative::statement_index v = 0; v < c.statement_count(); ++v)
        if (c.statement_at(v).actor == "trump")
            std::cout << c.statement_at(v).id << ": " << s.strength[v] << '\n';

    // Each actor's self-consistency, consistency with the evidence and credibility.
    for (const auto& a : narrative::actor_consistency_report(c).actors)
        if (a.credibility.value)
            std::cout << c.actor_at(a.actor).id << " credibility " << *a.credibility.value << '\n';
}
