// SPDX-License-Identifier: MIT
// A program outside the project that uses the library as users do: umbrella header, one target.
#include <narrative/narrative.hpp>

#include <iostream>
#include <sstream>

int main() {
    const auto c = narrative::read_case(R"({
      "format": "narrative/1",
      "actors": [{"id": "mayor"}, {"id": "contractor"}],
      "statements": [
        {"id": "s1", "actor": "mayor", "time": "2024-03-02", "text": "The bridge closed because of cracks"},
        {"id": "s2", "actor": "contractor", "time": "2024-03-05", "text": "The inspection found no cracks"}
      ],
      "relations": [{"from": "s2", "to": "s1", "type": "contradicts"}]
    })");
    const auto g = narrative::compiled_graph::compile(c);
    std::cout << c.statement_count() << " statements, " << g.arc_count() << " attacks\n";
#if defined(NARRATIVE_HAS_GRAPHML)
    std::istringstream graphml(narrative::write_graphml(c));
    const auto back = narrative::read_graphml(graphml);
    std::cout << "graphml round trip " << (narrative::write_case(back) == narrative::write_case(c) ? "ok" : "changed")
              << '\n';
#endif
    return g.arc_count() == 2 ? 0 : 1;
}
