// SPDX-License-Identifier: MIT
#include <narrative/io/graphml.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace narrative;

namespace {
const std::string ceasefire_path = std::string(NARRATIVE_SOURCE_DIR) + "/examples/ceasefire/ceasefire.json";

check_result from_graphml(const std::string& text) {
    std::istringstream in(text);
    return check_graphml(in, "g.graphml");
}
}  // namespace

TEST_SUITE("io.graphml") {
    TEST_CASE("case to GraphML and back is lossless") {
        const auto c = read_case_file(ceasefire_path);
        std::istringstream in(write_graphml(c));
        const auto back = read_graphml(in);
        CHECK(write_case(back) == write_case(c));
        CHECK(back.relation_count() == c.relation_count());
        // The ceasefire case carries evidence and interest keys: they travel too.
        CHECK(write_case(back).find(R"("evidence": "document")") != std::string::npos);
        CHECK(write_case(back).find(R"("interest": "self-serving")") != std::string::npos);
    }

    TEST_CASE("special characters survive the XML") {
        auto c = read_case(R"({"format": "narrative/1", "title": "<a & \"b\">",
          "statements": [{"id": "s'1", "text": "line one\nline two\t<tab>", "x-k": {"v": [1, 2]}}]})");
        std::istringstream in(write_graphml(c));
        CHECK(write_case(read_graphml(in)) == write_case(c));
    }

    TEST_CASE("a foreign GraphML file is read with its keys") {
        // The example of the formats reference, with a standard boolean and a foreign key.
        const auto result = from_graphml(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="actor" for="node" attr.name="actor" attr.type="string"/>
  <key id="time" for="node" attr.name="time" attr.type="string"/>
  <key id="colour" for="node" attr.name="colour" attr.type="string"/>
  <key id="type" for="edge" attr.name="type" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d" for="edge" attr.name="directed" attr.type="boolean"/>
  <graph id="bridge" edgedefault="directed">
    <node id="s1"><data key="time">2024-03-02</data><data key="colour">red</data></node>
    <node id="s2"><data key="time">2024-03-05</data></node>
    <node id="s3"/>
    <edge source="s2" target="s1"><data key="type">contradicts</data><data key="w">1.0</data><data key="d">false</data></edge>
    <edge source="s3" target="s1"><data key="type">supports</data><data key="w">0.8</data></edge>
  </graph>
</graphml>)");
        REQUIRE(result.ok());
        const auto& c = *result.model;
        CHECK(c.statement_count() == 3);
        CHECK(c.statement_at(0).id == "n0");  // no id key: numbered, with a warning
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].severity == severity::warning);
        CHECK(c.statement_at(0).ext["x-graphml-colour"] == "red");
        CHECK(c.statement_at(1).time->text() == "2024-03-05");
        CHECK(c.relation_at(std::size_t{0}).is_mutual());
        CHECK(c.relation_at(std::size_t{1}).effective_weight() == 0.8);
    }

    TEST_CASE("bad GraphML content is located in the equivalent case") {
        const auto result = from_graphml(R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="id" for="node" attr.name="id" attr.type="string"/>
  <key id="base" for="node" attr.name="base" attr.type="double"/>
  <key id="claim" for="node" attr.name="claim" attr.type="string"/>
  <key id="type" for="edge" attr.name="type" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"><data key="id">a</data><data key="base">NaN</data></node>
    <node id="b"><data key="id">b</data><data key="claim">{not json</data></node>
    <edge source="a" target="b"><data key="type">undermines</data><data key="w">2</data></edge>
  </graph>
</graphml>)");
        CHECK_FALSE(result.ok());
        std::string all;
        for (const auto& d : result.diagnostics) all += d.location + ": " + d.message + "\n";
        CHECK(all.find("/statements/0/base: the GraphML data is not valid JSON") != std::string::npos);
        CHECK(all.find("/statements/1/claim: the GraphML data is not valid JSON") != std::string::npos);
        CHECK(all.find("/relations/0/type: must be \"supports\" or \"contradicts\"") != std::string::npos);
        CHECK(all.find("/relations/0/weight: must be a number in (0, 1], got 2") != std::string::npos);
    }

    TEST_CASE("malformed XML and undirected graphs are refused") {
        const auto broken = from_graphml("<graphml><graph edgedefault=\"directed\"><node id=\"a\"></graph>");
        REQUIRE_FALSE(broken.ok());
        CHECK(broken.diagnostics.at(0).message.find("invalid GraphML") == 0);
        const auto undirected = from_graphml(R"(<graphml><graph edgedefault="undirected">
            <node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>)");
        REQUIRE_FALSE(undirected.ok());
        CHECK(undirected.diagnostics.at(0).message.find("undirected GraphML edges are not supported") == 0);
    }
}
