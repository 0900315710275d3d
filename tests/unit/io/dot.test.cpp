// SPDX-License-Identifier: MIT
#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>

#include <doctest/doctest.h>

using namespace narrative;

TEST_SUITE("io.dot") {
    TEST_CASE("statements are clustered by actor and relations styled by type") {
        auto c = read_case(R"({"format": "narrative/1", "title": "Bridge",
          "actors": [{"id": "mayor", "name": "The Mayor"}],
          "statements": [{"id": "s1", "actor": "mayor", "text": "Closed \"because\" of cracks", "time": "2024-03-02"},
                         {"id": "s2", "base": 0.25}],
          "relations": [{"from": "s2", "to": "s1", "type": "contradicts", "weight": 0.5},
                        {"from": "s2", "to": "s1", "type": "supports"}]})");
        c.relate("s1", "s2", {.provenance = provenance::inferred, .rule = "same-claim"});
        const std::string dot = write_dot(c);
        CHECK(dot ==
              "digraph narrative {\n"
              "  label=\"Bridge\";\n  labelloc=t;\n"
              "  node [shape=box, style=rounded, fontsize=10];\n  edge [fontsize=9];\n"
              "  subgraph \"cluster_mayor\" {\n    label=\"The Mayor\";\n    style=dashed;\n"
              "    \"s1\" [label=\"s1\\nClosed \\\"because\\\" of cracks\\n(2024-03-02)\", actor=\"mayor\", "
              "time=\"2024-03-02\", base=\"0.5\"];\n"
              "  }\n"
              "  \"s2\" [label=\"s2\", base=\"0.25\"];\n"
              "  \"s2\" -> \"s1\" [type=\"contradicts\", confidence=\"0.5\", color=red, style=dashed, penwidth=1.25, "
              "dir=both, provenance=\"asserted\"];\n"
              "  \"s2\" -> \"s1\" [type=\"supports\", confidence=\"1.0\", color=darkgreen, style=solid, penwidth=2.0, "
              "provenance=\"asserted\"];\n"
              "  \"s1\" -> \"s2\" [type=\"supports\", confidence=\"1.0\", color=darkgreen, style=dotted, penwidth=2.0, "
              "provenance=\"inferred\", rule=\"same-claim\"];\n"
              "}\n");
        CHECK(write_dot(c, {.include_inferred = false}).find("inferred") == std::string::npos);
    }

    TEST_CASE("long texts are cut on a character boundary") {
        CHECK(detail::shorten("abcdef", 10) == "abcdef");
        CHECK(detail::shorten("abcdef", 3) == "abc…");
        CHECK(detail::shorten("a\xc3\xa9z", 2) == "a…");  // does not split the two bytes of é
    }
}
