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

    TEST_CASE("whitespace of every field comes back exactly") {
        // Boost's reader trims data and collapses runs of whitespace; the writer's escapes
        // (character references, a CDATA section for final spaces) survive both.
        const auto c = read_case(R"({"format": "narrative/1", "title": "  two  spaces ",
          "actors": [{"id": "a  b", "name": " spaced  name "}],
          "statements": [{"id": "a b", "actor": "a  b"}, {"id": "a  b", "text": "   "},
                         {"id": " lead", "text": "tab at the end\t", "x-k": {"v": "  in  json  "}},
                         {"id": "trail  ", "text": "\n\nline feeds first", "source": " "},
                         {"id": "end \t \n ", "text": "x \r\n y  \t"}],
          "relations": [{"from": "a b", "to": "a  b", "type": "contradicts", "note": "final spaces   "}]})");
        const std::string graphml = write_graphml(c);
        std::istringstream in(graphml);
        const auto back = read_graphml(in);
        CHECK(write_case(back) == write_case(c));
        CHECK(back.statement_count() == 5);
        CHECK(back.statement_at(1).id == "a  b");
        // A single space between words stays readable as it is.
        CHECK(graphml.find("<data key=\"n_id\">a b</data>") != std::string::npos);
        CHECK(graphml.find("<data key=\"n_id\">a&#32;&#32;b</data>") != std::string::npos);
        CHECK(graphml.find("<data key=\"e_note\">final spaces<![CDATA[   ]]></data>") != std::string::npos);
    }

    TEST_CASE("text XML cannot carry is refused at write time, at its place") {
        const auto c = read_case(R"({"format": "narrative/1", "title": "bell \u0007",
          "statements": [{"id": "s", "text": "a\u0000b", "x-k": "\u0000 and \uffff are escaped in JSON text",
                          "claim": {"proposition": "p\ufffe"}},
                         {"id": "t", "text": "\ufffe"}]})");
        const auto problems = graphml_problems(c, "c.json");
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].to_string() ==
              "c.json:/title: error: cannot be written as GraphML: the character U+0007, which XML 1.0 does not allow");
        CHECK(problems[1].to_string() ==
              "c.json:/statements/0/text: error: cannot be written as GraphML: the character U+0000, which XML 1.0 "
              "does not allow");
        CHECK(problems[2].location == "/statements/1/text");
        CHECK(problems[2].message.find("U+FFFE") != std::string::npos);
        CHECK_THROWS_AS((void)write_graphml(c), model_error);
        try {
            (void)write_graphml(c);
        } catch (const model_error& e) {
            CHECK(std::string(e.what()) == "/title: cannot be written as GraphML: the character U+0007, which XML 1.0 "
                                           "does not allow");
        }
        // Without the raw text fields, the JSON-valued ones travel (escaped) and come back.
        const auto ok = read_case(R"({"format": "narrative/1",
          "statements": [{"id": "s", "x-k": "\u0000 and \uffff", "claim": {"proposition": "p\ufffe"}}]})");
        CHECK(graphml_problems(ok).empty());
        const std::string graphml = write_graphml(ok);
        CHECK(graphml.find('\0') == std::string::npos);
        CHECK(graphml.find("\xEF\xBF\xBF") == std::string::npos);
        std::istringstream in(graphml);
        CHECK(write_case(read_graphml(in)) == write_case(ok));
    }

    TEST_CASE("strings built in code that are not UTF-8 are refused, not thrown through") {
        case_model c;
        c.add_statement({.id = "s", .text = std::string("caf\xe9")});
        c.add_statement({.id = "t", .ext = extensions{{"x-k", "ok"}}});
        const auto problems = graphml_problems(c);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].location == "/statements/0/text");
        CHECK(problems[0].message == "cannot be written as GraphML: ill-formed UTF-8 byte \\xe9");
        CHECK_THROWS_AS((void)write_graphml(c), model_error);
    }

    TEST_CASE("GraphML that is not UTF-8 is refused with its line and column") {
        // A foreign key with Latin-1 text used to pass reading and throw an internal error when
        // the case was written again.
        const auto result = from_graphml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                                         "<graphml><key id=\"c\" for=\"node\" attr.name=\"colour\" attr.type=\"string\"/>\n"
                                         "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"c\">caf\xe9</data></node>"
                                         "</graph></graphml>\n");
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].to_string() ==
              "g.graphml:3:61: error: invalid GraphML: ill-formed UTF-8 byte \\xe9 (GraphML is read as UTF-8; the file "
              "declares encoding \"ISO-8859-1\")");
    }

    TEST_CASE("character references to what XML forbids are refused at their field") {
        const auto result = from_graphml(R"(<graphml>
  <key id="i" for="node" attr.name="id" attr.type="string"/>
  <key id="t" for="node" attr.name="text" attr.type="string"/>
  <key id="k" for="node" attr.name="colour" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="i">a</data><data key="t">x&#0;y</data><data key="k">&#xD800;</data></node>
    <node id="b"><data key="i">b</data><data key="t">&#x1F600; &#233;</data></node>
  </graph>
</graphml>)");
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.error_count() == 2);
        CHECK(result.diagnostics[0].to_string() ==
              "g.graphml:/statements/0/text: error: the GraphML data holds the character U+0000, which XML 1.0 does not "
              "allow");
        CHECK(result.diagnostics[1].to_string() ==
              "g.graphml:/statements/0/x-graphml-colour: error: the GraphML data holds ill-formed UTF-8 byte \\xed");
        // Well-formed references decode to UTF-8 (the second node alone is valid).
        const auto valid = from_graphml(R"(<graphml><key id="t" for="node" attr.name="text" attr.type="string"/>
  <graph edgedefault="directed"><node id="b"><data key="t">&#x1F600; &#233;</data></node></graph></graphml>)");
        REQUIRE(valid.ok());
        CHECK(*valid.model->statement_at(0).text == "\xF0\x9F\x98\x80 \xC3\xA9");
    }
}
