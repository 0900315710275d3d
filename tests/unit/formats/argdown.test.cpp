// SPDX-License-Identifier: MIT
// Argdown import: each construct on a small text, mapped as docs/formats.md ("Argdown") says:
// statements by title (one per equivalence class), arguments as `<Title>` statements, relation
// trees to supports / contradicts, premise–conclusion structures through the argument.
#include <narrative/io/argdown.hpp>
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace narrative;

namespace {

// One relation as `from type to`, with ` (mutual)` for an undirected contradiction.
std::string relation_text(const case_model& c, std::size_t i) {
    const relation_handle e = c.relations()[i];
    const relation& r = c.relation_at(e);
    return c.statement_at(c.source(e)).id + " " + std::string(to_string(r.type)) + " " +
           c.statement_at(c.target(e)).id + (r.type == relation_type::contradicts && r.is_mutual() ? " (mutual)" : "");
}

std::vector<std::string> relations_text(const case_model& c) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < c.relation_count(); ++i) out.push_back(relation_text(c, i));
    return out;
}

// What Argdown carries of a case, one line per statement and per relation, for comparisons.
std::vector<std::string> carried(const case_model& c) {
    std::vector<std::string> out;
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        out.push_back(s.id + " | " + s.text.value_or("-") + " | " + s.actor.value_or("-") + " | " +
                      (s.time ? s.time->text() : "-") + " | " + s.source.value_or("-"));
    }
    for (std::size_t i = 0; i < c.relation_count(); ++i) out.push_back(relation_text(c, i));
    return out;
}

const std::string ceasefire_path = std::string(NARRATIVE_SOURCE_DIR) + "/examples/ceasefire/ceasefire.json";

const statement& by_id(const case_model& c, std::string_view id) { return c.statement_at(c.require_statement(id)); }

std::string first_error(const check_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error) return d.location + ": " + d.message;
    return "";
}

}  // namespace

TEST_SUITE("formats.argdown") {
    TEST_CASE("statements are one per title and keep their first text") {
        const auto c = read_argdown("[A]: First text.\n\n[B]: Other.\n\n[A]: An equivalent text.\n\n[A]\n");
        REQUIRE(c.statement_count() == 2);
        CHECK(by_id(c, "A").text == std::optional<std::string>("First text."));
        // The other text of the equivalence class is kept.
        CHECK(by_id(c, "A").ext["x-argdown"]["texts"] == nlohmann::ordered_json::array({"An equivalent text."}));
        CHECK(by_id(c, "A").ext["x-argdown"]["kind"] == "statement");
    }

    TEST_CASE("text continues over lines and untitled paragraphs are numbered") {
        const auto c = read_argdown("A paragraph\nover two lines.\n\nAnother one.\n");
        REQUIRE(c.statement_count() == 2);
        CHECK(c.statement_at(0).id == "Untitled 1");
        CHECK(c.statement_at(0).text == std::optional<std::string>("A paragraph over two lines."));
        CHECK(c.statement_at(1).id == "Untitled 2");
    }

    TEST_CASE("incoming and outgoing relations map to supports and contradicts") {
        // Statement to statement: + is entails (supports), - and -> contrary (mutual), >< contradictory.
        const auto c = read_argdown(
            "[A]: a\n"
            "  + [B]: b\n"
            "  - [C]: c\n"
            "  -> [D]: d\n"
            "  +> [E]: e\n"
            "  >< [F]: f\n"
            "  <+ [G]: g\n"
            "  <- [H]: h\n");
        CHECK(relations_text(c) == std::vector<std::string>{
                                       "B supports A", "C contradicts A (mutual)", "A contradicts D (mutual)",
                                       "A supports E", "A contradicts F (mutual)", "G supports A",
                                       "H contradicts A (mutual)"});
        CHECK(c.relation_at(std::size_t{0}).ext["x-argdown"]["relation"] == "entails");
        CHECK(c.relation_at(std::size_t{1}).ext["x-argdown"]["relation"] == "contrary");
        CHECK(c.relation_at(std::size_t{4}).ext["x-argdown"]["relation"] == "contradictory");
    }

    TEST_CASE("an attack with an argument is directed and nests by indentation") {
        const auto c = read_argdown(
            "[S]: claim\n"
            "  - <Objection>: no\n"
            "    - <Rebuttal>: yes\n"
            "  + <Support>: because\n"
            "    <_ <Undercutter>: the inference fails\n"
            "\n"
            "<Rebuttal>\n"
            "  -> <Objection>\n");
        // The attack stated again under <Rebuttal> is the same relation: kept once.
        CHECK(relations_text(c) == std::vector<std::string>{"<Objection> contradicts S", "<Rebuttal> contradicts <Objection>",
                                                            "<Support> supports S", "<Undercutter> contradicts <Support>"});
        CHECK(c.relation_at(std::size_t{0}).is_directed());
        CHECK(c.relation_at(std::size_t{0}).ext["x-argdown"]["relation"] == "attack");
        CHECK(c.relation_at(std::size_t{2}).ext["x-argdown"]["relation"] == "support");
        CHECK(c.relation_at(std::size_t{3}).is_directed());
        CHECK(c.relation_at(std::size_t{3}).ext["x-argdown"]["relation"] == "undercut");
        CHECK(by_id(c, "<Objection>").ext["x-argdown"]["kind"] == "argument");
    }

    TEST_CASE("a premise conclusion structure supports the argument and its conclusion") {
        const auto c = read_argdown(
            "<Arg>: The argument.\n"
            "\n"
            "(1) [P]: A titled premise.\n"
            "(2) An untitled premise\n"
            "    over two lines.\n"
            "--\n"
            "Modus ponens {uses: [1, 2]}\n"
            "--\n"
            "(3) The conclusion.\n"
            "    -> [Other]: attacked by the conclusion\n");
        CHECK(relations_text(c) == std::vector<std::string>{"<Arg> (3) contradicts Other (mutual)", "P supports <Arg>",
                                                            "<Arg> (2) supports <Arg>", "<Arg> supports <Arg> (3)"});
        CHECK(by_id(c, "<Arg> (2)").text == std::optional<std::string>("An untitled premise over two lines."));
        const auto& inference = by_id(c, "<Arg>").ext["x-argdown"]["inferences"][0];
        CHECK(inference["rule"] == "Modus ponens");
        CHECK(inference["data"]["uses"] == nlohmann::ordered_json::array({1, 2}));
    }

    TEST_CASE("data tags headings and front matter") {
        const auto c = read_argdown(
            "===\n"
            "title: A debate\n"
            "author: Someone\n"
            "===\n"
            "# Part one\n"
            "\n"
            "[A]: text #pro #(with spaces) {source: \"C1\", speaker: Alice, date: 2024-05-01, isInMap: false}\n");
        CHECK(c.info().title == std::optional<std::string>("A debate"));
        CHECK(c.info().ext["x-argdown-front-matter"]["author"] == "Someone");
        const statement& a = by_id(c, "A");
        CHECK(a.source == std::optional<std::string>("C1"));
        CHECK(a.actor == std::optional<std::string>("Alice"));
        REQUIRE(a.time.has_value());
        CHECK(a.time->text() == "2024-05-01");
        CHECK(a.text == std::optional<std::string>("text #pro #(with spaces)"));
        CHECK(a.ext["x-argdown"]["tags"] == nlohmann::ordered_json::array({"pro", "with spaces"}));
        CHECK(a.ext["x-argdown"]["section"] == "Part one");
        CHECK(a.ext["x-argdown"]["data"]["isInMap"] == false);
        REQUIRE(c.actors().size() == 1);
        CHECK(c.actors()[0].id == "Alice");
    }

    TEST_CASE("comments are skipped without ending a relation tree") {
        const auto c = read_argdown("[A]: a /* inline */ text\n  + [B]: b\n  <!--\n  a comment\n  -->\n  - [C]: c\n");
        CHECK(by_id(c, "A").text == std::optional<std::string>("a text"));
        CHECK(relations_text(c) == std::vector<std::string>{"B supports A", "C contradicts A (mutual)"});
    }

    TEST_CASE("a Markdown link at the start is text and a mention is no relation") {
        const auto c = read_argdown("[link](https://example.org) and @[A] in text\n");
        REQUIRE(c.statement_count() == 1);
        CHECK(c.statement_at(0).id == "Untitled 1");
        CHECK(c.relation_count() == 0);
    }

    TEST_CASE("a parenthesis that is no premise number is text") {
        // Too large for a number, and not a number at all: both paragraphs stay statements.
        const auto c = read_argdown("(99999999999999999999999) big\n\n(see above) text\n");
        REQUIRE(c.statement_count() == 2);
        CHECK(c.statement_at(0).text == std::optional<std::string>("(99999999999999999999999) big"));
        CHECK(c.statement_at(1).text == std::optional<std::string>("(see above) text"));
    }

    TEST_CASE("a case written as Argdown reads back with its statements and relations") {
        const auto c = read_case_file(ceasefire_path);
        const auto written = write_argdown(c);
        const auto back = check_argdown(written.text, "written");
        REQUIRE_MESSAGE(back.ok(), first_error(back));
        CHECK(carried(*back.model) == carried(c));
        // The ceasefire case has actor names, claims, weights and x- keys: each kind is named.
        CHECK(written.dropped.size() == 4);
    }

    TEST_CASE("relations are written with the marker that reads back their direction") {
        const auto c = read_case(R"({"format": "narrative/1", "title": "t", "statements": [
            {"id": "a", "text": "A"}, {"id": "b"}, {"id": "<Arg>", "x-argdown": {"kind": "argument"}}],
          "relations": [{"from": "a", "to": "b", "type": "contradicts"},
                        {"from": "b", "to": "a", "type": "contradicts", "directed": true},
                        {"from": "<Arg>", "to": "a", "type": "contradicts", "directed": true},
                        {"from": "b", "to": "<Arg>", "type": "supports"}]})");
        const auto written = write_argdown(c);
        CHECK(written.text ==
              "===\ntitle: t\n===\n\n[a]: A\n\n[b]:\n\n<Arg>:\n\n[a]\n  >< [b]\n\n[a]\n  <_ [b]\n\n[a]\n  - <Arg>\n\n"
              "<Arg>\n  + [b]\n\n");
        CHECK(written.dropped.empty());
        CHECK(carried(read_argdown(written.text)) == carried(c));
    }

    TEST_CASE("what Argdown text cannot carry is refused before writing") {
        const auto c = read_case(R"({"format": "narrative/1", "statements": [
            {"id": "a]", "text": "x"}, {"id": "b", "text": "two  blanks"}, {"id": "c", "text": "data {x: 1}"},
            {"id": "d", "text": "a /* comment"}, {"id": "e", "source": "line\nbreak"}]})");
        const auto problems = argdown_problems(c);
        REQUIRE(problems.size() == 5);
        CHECK(problems[0].location == "/statements/0/id");
        CHECK(problems[1].message == "cannot be written as Argdown: the text holds two blanks in a row");
        CHECK(problems[2].message == "cannot be written as Argdown: the text holds \"{\", which starts data");
        CHECK(problems[3].message == "cannot be written as Argdown: the text holds the comment marker \"/*\"");
        CHECK(problems[4].location == "/statements/4/source");
        CHECK_THROWS_AS((void)write_argdown(c), model_error);
    }

    TEST_CASE("every file of the invalid corpus fails at the place its first line names") {
        // Each file starts with a comment `<!-- error: LINE:COLUMN: MESSAGE -->`.
        const std::filesystem::path folder = std::filesystem::path(NARRATIVE_SOURCE_DIR) / "tests/invalid/argdown";
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            const std::string text = read_text_file(entry.path());
            const std::string prefix = "<!-- error: ";
            REQUIRE(text.rfind(prefix, 0) == 0);
            const std::string expected = text.substr(prefix.size(), text.find(" -->") - prefix.size());
            CAPTURE(entry.path().filename().string());
            const auto r = check_argdown(text, "f");
            CHECK_FALSE(r.ok());
            CHECK(first_error(r) == expected);
            ++files;
        }
        CHECK(files >= 20);
    }

    TEST_CASE("too many errors stop the reading") {
        std::string text;
        for (int i = 0; i < 10; ++i) text += "[A: x\n\n";
        argdown_read_options few;
        few.max_errors = 3;
        const auto r = check_argdown(text, "f", few);
        REQUIRE(r.diagnostics.size() == 4);
        CHECK(r.diagnostics.back().message == "too many errors (3), reading stopped");
    }

    TEST_CASE("deeply nested data is refused") {
        const std::string text = "[A]: x {k: " + std::string(100, '[') + "}\n";
        const auto r = check_argdown(text, "f");
        CHECK(first_error(r).find("invalid data: nested deeper than 32") != std::string::npos);
    }

}

#if NARRATIVE_HAVE_SHARED_DATA
TEST_SUITE("formats.argdown.data") {
    TEST_CASE("the Argdown primer imports") {
        const auto path = std::filesystem::path(NARRATIVE_SHARED_DATA_DIR) / "argdown/argdown-primer.argdown";
        const auto r = check_argdown(read_text_file(path), path.string());
        REQUIRE_MESSAGE(r.ok(), first_error(r));
        const case_model& c = *r.model;
        // 21 nodes: 3 titled statements, 4 arguments, 12 untitled paragraphs and relation
        // targets, and the 2 untitled premise and conclusion of <Argument 1>.
        CHECK(c.statement_count() == 21);
        CHECK(c.relation_count() == 13);
        CHECK(by_id(c, "Statement 2").ext["x-argdown"]["texts"].size() == 1);  // the equivalence class
        CHECK(relation_text(c, 6) == "Intro contradicts <Argument 1>");
        CHECK(by_id(c, "Statement 1").ext["x-argdown"]["tags"] == nlohmann::ordered_json::array({"Another tag"}));
    }

    TEST_CASE("the state censorship debate imports") {
        const auto path = std::filesystem::path(NARRATIVE_SHARED_DATA_DIR) / "argdown/state-censorship.argdown";
        const auto r = check_argdown(read_text_file(path), path.string());
        REQUIRE_MESSAGE(r.ok(), first_error(r));
        const case_model& c = *r.model;
        CHECK(c.info().title == std::optional<std::string>("Censorship from the State"));
        // 7 arguments, 4 titled statements, 24 untitled premises and conclusions.
        CHECK(c.statement_count() == 35);
        CHECK(c.relation_count() == 34);
        CHECK(by_id(c, "<Argument from Freedom of Speech>").source == std::optional<std::string>("C1a"));
        CHECK(by_id(c, "<Argument from racial hatred>").ext["x-argdown"]["tags"] == nlohmann::ordered_json::array({"pro"}));
        // The conclusion of <Argument from racial hatred> is the statement [Censorship] itself.
        // Written as Argdown and read again, the debate keeps its statements and relations.
        const auto again = check_argdown(write_argdown(c).text, "written");
        REQUIRE_MESSAGE(again.ok(), first_error(again));
        CHECK(carried(*again.model) == carried(c));
        const auto relations = relations_text(c);
        CHECK(std::find(relations.begin(), relations.end(), "<Argument from racial hatred> supports Censorship") !=
              relations.end());
    }
}
#endif
