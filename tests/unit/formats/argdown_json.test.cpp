// SPDX-License-Identifier: MIT
// Tests of the Argdown JSON import: it maps as the Argdown text reader does, and its errors are
// located by JSON Pointer.

#include <narrative/io/argdown_json.hpp>
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace narrative;

namespace {

std::string errors_of(const check_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

std::string first_error(const check_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error) return d.location + ": " + d.message;
    return "";
}

}  // namespace

TEST_SUITE("formats.argdown_json") {
    TEST_CASE("the export of a map gives the case its text gives (the front matter's title aside)") {
        const std::string folder = std::string(NARRATIVE_SOURCE_DIR) + "/tests/data/argdown/";
        const auto json = check_argdown_json(read_text_file(folder + "ceasefire-debate.json"), "d.json");
        REQUIRE_MESSAGE(json.ok(), errors_of(json));
        CHECK(json.diagnostics.empty());
        auto text = check_argdown(read_text_file(folder + "ceasefire-debate.argdown"), "d.argdown");
        REQUIRE(text.ok());
        // The JSON export carries no front matter: the same case without the title.
        auto expected = to_json(*text.model);
        expected.erase("title");
        CHECK(to_json(*json.model).dump(2) == expected.dump(2));
    }

    TEST_CASE("relation types map as the text's markers do") {
        const auto c = read_argdown_json(R"({"arguments": {"A": {"members": [{"text": "arg"}]}},
            "statements": [{"title": "s"}, {"title": "t"}],
            "relations": [
              {"relationType": "entails", "from": "s", "fromType": "statement", "to": "t", "toType": "statement"},
              {"relationType": "contradictory", "from": "s", "fromType": "statement", "to": "t", "toType": "statement"},
              {"relationType": "attack", "from": "A", "fromType": "argument", "to": "s", "toType": "statement"},
              {"relationType": "undercut", "from": "s", "fromType": "statement", "to": "A", "toType": "argument"}]})");
        REQUIRE(c.relation_count() == 4);
        std::vector<const relation*> r;
        for (const auto e : c.relations()) r.push_back(&c.relation_at(e));
        CHECK(r[0]->type == relation_type::supports);
        CHECK(r[0]->ext.at("x-argdown").at("relation") == "entails");
        CHECK(r[1]->type == relation_type::contradicts);
        CHECK(r[1]->is_mutual());
        CHECK(r[2]->type == relation_type::contradicts);
        CHECK_FALSE(r[2]->is_mutual());  // an attack by an argument is one-way
        CHECK(r[2]->ext.at("x-argdown").at("relation") == "attack");
        CHECK(r[3]->ext.at("x-argdown").at("relation") == "undercut");
        CHECK(c.statement_at(c.target(*std::next(c.relations().begin(), 3))).id == "<A>");
    }

    TEST_CASE("members: the first text, other texts, data and tags of an equivalence class") {
        const auto c = read_argdown_json(R"({"arguments": {}, "statements": {"s": {"members": [
            {"text": "one", "data": {"speaker": "ann", "date": "2024-01-02T00:00:00.000Z"}, "tags": ["x"]},
            {"text": "two", "tags": ["x", "y"]}]}}})");
        const statement& s = c.statement_at(0);
        CHECK(*s.text == "one");
        CHECK(s.ext.at("x-argdown").at("texts") == nlohmann::ordered_json::array({"two"}));
        CHECK(s.ext.at("x-argdown").at("tags") == nlohmann::ordered_json::array({"x", "y"}));
        CHECK(*s.actor == "ann");
        CHECK(s.time->text() == "2024-01-02T00:00:00.000Z");
    }

    TEST_CASE("errors are located by JSON Pointer into the export") {
        CHECK(first_error(check_argdown_json(R"({"arguments": {}, "relations": [{"relationType": "refutes", "from": "a", "to": "b"}]})")) ==
              "/relations/0/relationType: unknown relation type \"refutes\"; valid: support, attack, undercut, entails, contrary, contradictory");
        CHECK(first_error(check_argdown_json(R"({"arguments": {}, "statements": {"s": {"members": [{"data": {"date": "2024-13-01"}}]}}})")) ==
              "/statements/s/members/0/data: date: invalid time \"2024-13-01\": the month must be 01 to 12 (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.f]] with Z or ±hh:mm)");
        CHECK(first_error(check_argdown_json(R"({"arguments": {"A": {"pcs": [{"title": "p"}]}}})")) ==
              "/arguments/A/pcs: a premise–conclusion structure needs a premise and a conclusion");
        CHECK(first_error(check_argdown_json(R"({"arguments": [], "statements": 3})")) ==
              "/statements: must be an object keyed by title or an array, got a number");
        CHECK(first_error(check_argdown_json(R"({"arguments": {}, "relations": [{"from": "a", "to": "b"}]})")) ==
              "/relations/0: missing \"relationType\"");
        CHECK(first_error(check_argdown_json("[1]")) == ": an Argdown JSON export must be a JSON object, got an array");
        CHECK(first_error(check_argdown_json("{\"arguments\": {},}")).rfind("1:18: invalid JSON", 0) == 0);
    }

    TEST_CASE("an unknown top-level key is a warning") {
        const auto r = check_argdown_json(R"({"arguments": {}, "statements": {"s": {}}, "frontMatter": {}})");
        REQUIRE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].location == "/frontMatter");
    }

    TEST_CASE("the export is told from case files") {
        CHECK(looks_like_argdown_json(R"({"arguments": {}, "statements": {}})"));
        CHECK_FALSE(looks_like_argdown_json(R"({"format": "narrative/1", "arguments": 1, "statements": []})"));
        CHECK_FALSE(looks_like_argdown_json(R"({"statements": []})"));
    }
}
