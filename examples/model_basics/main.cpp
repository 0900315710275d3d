// SPDX-License-Identifier: MIT
// Building a case in code and writing it as narrative/1 JSON (docs/getting-started.md).
#include <narrative/narrative.hpp>

#include <iostream>

int main() {
    narrative::case_model c;
    c.add_actor({.id = "mayor", .prior = 0.8});
    c.add_statement({.id = "s1", .actor = "mayor", .time = narrative::time_point::parse("2024-03-02"),
                     .text = "The bridge closed because of cracks"});
    c.add_statement({.id = "s2", .text = "The inspection found no cracks"});
    c.relate("s2", "s1", {.type = narrative::relation_type::contradicts});  // mutual by default
    std::cout << narrative::write_case(c);                                   // narrative/1 JSON
}
