// SPDX-License-Identifier: MIT
// Tests of case tables (CSV/TSV): reading with and without a mapping, located errors, writing,
// and the case → tables → case round trip.

#include <narrative/io/case_csv.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace std::string_literals;

namespace {

narrative::case_csv_input statements_only(std::string text) {
    return {.statements = {.text = std::move(text), .source = "s.csv"}};
}

std::string messages(const narrative::check_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_SUITE("case_csv.read") {
    TEST_CASE("headers equal to the case keys need no mapping, and claim columns build the claim") {
        const auto c = narrative::read_case_tables(statements_only(
            "id,actor,time,text,base,proposition,value,stance\n"
            "s1,mayor,2024-03-02,\"Closed, because of cracks\",0.7,cause,,denies\n"
            "s2,contractor,,No cracks found,,,,\n"));
        REQUIRE(c.statement_count() == 2);
        const auto& s1 = c.statement_at(0);
        CHECK(s1.id == "s1");
        CHECK(*s1.actor == "mayor");
        CHECK(s1.time->text() == "2024-03-02");
        CHECK(*s1.text == "Closed, because of cracks");
        CHECK(*s1.base == doctest::Approx(0.7));
        REQUIRE(s1.claim);
        CHECK(s1.claim->proposition == "cause");
        CHECK_FALSE(s1.claim->value);
        CHECK(*s1.claim->stance == narrative::stance::denies);
        // Empty cells are absent keys: no time, no base, no claim.
        const auto& s2 = c.statement_at(1);
        CHECK_FALSE(s2.time);
        CHECK_FALSE(s2.base);
        CHECK_FALSE(s2.claim);
        // Without an actors table, the actors named are created in order of first use.
        REQUIRE(c.actors().size() == 2);
        CHECK(c.actors()[1].id == "contractor");
    }

    TEST_CASE("a mapping renames columns and an ignored column is left out") {
        narrative::case_csv_mapping m{};
        m.columns[narrative::case_table::statements] = narrative::parse_table_columns("id=claim_id,text=Claim");
        m.ignore = {"Notes"};
        const auto c = narrative::read_case_tables(statements_only("claim_id;Claim;Notes\na;first;x\nb;second;y\n"),
                                                   [&] { auto mm = m; mm.delimiter = ';'; return mm; }());
        REQUIRE(c.statement_count() == 2);
        CHECK(c.statement_at(1).id == "b");
        CHECK(*c.statement_at(1).text == "second");
        CHECK(c.statement_at(1).ext.empty());
    }

    TEST_CASE("relations table: types, weights, directed and dangling ids located at their line") {
        narrative::case_csv_input in = statements_only("id\na\nb\n");
        in.relations = narrative::csv_table_text{
            .text = "from,to,type,weight,directed,note\na,b,contradicts,0.5,TRUE,why\nb,a,supports,,,\na,bb,supports,,,\n",
            .source = "s.relations.csv"};
        const auto r = narrative::check_case_tables(in);
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.error_count() == 1);
        const auto& d = r.diagnostics[0];
        CHECK(d.source == "s.relations.csv");
        CHECK(d.location == "4");
        CHECK(d.message == "column \"to\": unknown statement \"bb\"; did you mean \"b\"?");
    }

    TEST_CASE("a bad value is reported at the row's line with the column's header") {
        narrative::case_csv_mapping m{};
        m.columns[narrative::case_table::statements] = {{"base", "Strength"}};
        const auto r = narrative::check_case_tables(statements_only("id,Strength\na,0.5\nb,1.5\nc,high\n"), m);
        REQUIRE(r.error_count() == 2);
        CHECK(r.diagnostics[0].to_string() == "s.csv:3: error: column \"Strength\": must be a number in [0, 1], got 1.5");
        CHECK(r.diagnostics[1].location == "4");
        CHECK(r.diagnostics[1].message.find("\"high\"") != std::string::npos);
    }

    TEST_CASE("a claim without proposition is shown at its first claim column") {
        const auto r = narrative::check_case_tables(statements_only("id,actor,value\na,m,x\n"));
        REQUIRE(r.error_count() == 1);
        CHECK(r.diagnostics[0].to_string() == "s.csv:2: error: column \"value\": missing required key \"proposition\"");
    }

    TEST_CASE("duplicate ids name the line of the first occurrence") {
        const auto r = narrative::check_case_tables(statements_only("id\na\nb\na\n"));
        REQUIRE(r.error_count() == 1);
        CHECK(r.diagnostics[0].location == "4");
        CHECK(r.diagnostics[0].message.find("(first at line 2)") != std::string::npos);
    }

    TEST_CASE("header problems: unknown column, missing required column, mapped column absent") {
        const auto unknown = narrative::check_case_tables(statements_only("id,wieght\na,1\n"));
        REQUIRE(unknown.error_count() == 1);
        CHECK(unknown.diagnostics[0].location == "1:2");
        CHECK(unknown.diagnostics[0].message.rfind("unknown column \"wieght\" in the statements table", 0) == 0);

        const auto missing = narrative::check_case_tables(statements_only("text\nhello\n"));
        REQUIRE(missing.error_count() == 1);
        CHECK(missing.diagnostics[0].message == "missing column \"id\" in the statements table; columns: text");

        narrative::case_csv_mapping m{};
        m.columns[narrative::case_table::statements] = {{"id", "claim_id"}};
        const auto absent = narrative::check_case_tables(statements_only("id\na\n"), m);
        // The header "id" is no longer the id column: it is unknown, and the mapped column is absent.
        REQUIRE(absent.error_count() == 2);
        CHECK(absent.diagnostics[0].message.rfind("unknown column \"id\"", 0) == 0);
        CHECK(absent.diagnostics[1].message == "no column \"claim_id\" (mapped to \"id\"); columns: id");
    }

    TEST_CASE("rows with the wrong number of fields, unterminated quotes and ill-formed UTF-8 are located") {
        const auto fields = narrative::check_case_tables(statements_only("id,text\na,x\nb\n"));
        REQUIRE(fields.error_count() == 1);
        CHECK(fields.diagnostics[0].to_string() == "s.csv:3: error: expected 2 fields, got 1");

        const auto quote = narrative::check_case_tables(statements_only("id,text\na,\"open\n"));
        REQUIRE(quote.error_count() == 1);
        CHECK(quote.diagnostics[0].message == "unterminated quoted field");

        const auto utf8 = narrative::check_case_tables(statements_only("id,text\na,caf\xe9\n"));
        REQUIRE(utf8.error_count() == 1);
        CHECK(utf8.diagnostics[0].location == "2:6");
    }

    TEST_CASE("extension cells hold JSON, or text when they are not JSON") {
        const auto c = narrative::read_case_tables(statements_only("id,x-n,x-s,claim/x-q,proposition\na,\"[1,2]\",plain,true,p\n"));
        const auto& s = c.statement_at(0);
        CHECK(s.ext.at("x-n") == nlohmann::ordered_json::array({1, 2}));
        CHECK(s.ext.at("x-s") == "plain");
        CHECK(s.claim->ext.at("x-q") == true);
    }

    TEST_CASE("an unknown key in a mapping is a rule error") {
        narrative::case_csv_mapping m{};
        m.columns[narrative::case_table::relations] = {{"wieght", "w"}};
        narrative::case_csv_input in = statements_only("id\na\n");
        in.relations = narrative::csv_table_text{.text = "from,to,type\n", .source = "r.csv"};
        CHECK_THROWS_AS((void)narrative::check_case_tables(in, m), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_table_mapping_json(R"({"statement": {}})"), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_table_columns("id"), narrative::rule_error);
    }

    TEST_CASE("a JSON mapping sets columns per table, ignored columns and the delimiter") {
        const auto m = narrative::parse_table_mapping_json(
            R"({"statements": {"id": "claim_id"}, "relations": {"from": "src"}, "ignore": ["Notes"], "delimiter": "\t"})");
        CHECK(m.delimiter == '\t');
        CHECK(m.columns.at(narrative::case_table::statements).at("id") == "claim_id");
        CHECK(m.columns.at(narrative::case_table::relations).at("from") == "src");
        CHECK(m.ignore == std::vector<std::string>{"Notes"});
    }
}

TEST_SUITE("case_csv.write") {
    TEST_CASE("fields with delimiters, quotes and line breaks are quoted, and a byte-order mark leads") {
        const auto c = narrative::read_case(R"({"format": "narrative/1", "title": "T",
            "actors": [{"id": "m", "name": "The \"Mayor\""}],
            "propositions": [{"id": "p", "values": ["a", "b"]}],
            "statements": [{"id": "s1", "actor": "m", "text": "one, two\nthree", "claim": {"proposition": "p", "value": "a"}}],
            "relations": [{"from": "s1", "to": "s1", "type": "supports", "weight": 0.25}]})");
        const auto t = narrative::write_case_tables(c);
        CHECK(t.statements == "\xEF\xBB\xBFid,actor,time,text,source,base,evidence,interest,proposition,value,stance\r\n"
                              "s1,m,,\"one, two\nthree\",,,,,p,a,\r\n");
        CHECK(t.relations == "\xEF\xBB\xBF" "from,to,type,weight,directed,note\r\ns1,s1,supports,0.25,,\r\n");
        CHECK(t.actors == "\xEF\xBB\xBFid,name,kind,group,prior\r\nm,\"The \"\"Mayor\"\"\",,,\r\n");
        CHECK(t.propositions == "\xEF\xBB\xBFid,text,values,exclusive\r\np,,a|b,\r\n");
        CHECK(t.info == "\xEF\xBB\xBFkey,value\r\ntitle,T\r\n");
    }

    TEST_CASE("values that contain a bar are written as a JSON array") {
        const auto c = narrative::read_case(R"({"format": "narrative/1",
            "propositions": [{"id": "p", "values": ["a|b", "c"]}], "statements": []})");
        CHECK(narrative::write_case_tables(c).propositions.find("\"[\"\"a|b\"\",\"\"c\"\"]\"") != std::string::npos);
    }

    TEST_CASE("the tables beside a statements table are named after it") {
        CHECK(narrative::case_table_path("out/case.csv", narrative::case_table::relations) == "out/case.relations.csv");
        CHECK(narrative::case_table_path("case.tsv", narrative::case_table::info) == "case.case.tsv");
        CHECK(narrative::case_table_path("a.b/case", narrative::case_table::actors) == "a.b/case.actors.csv");
    }
}

TEST_SUITE("case_csv.round_trip") {
    TEST_CASE("a case whose objects list their x- keys in one order comes back byte for byte") {
        const auto original = narrative::read_case(R"({"format": "narrative/1", "title": "T", "x-c": {"k": [1, "2"]},
            "actors": [{"id": "m", "name": "M", "kind": "person", "group": "g", "prior": 0.6, "x-a": 1}],
            "propositions": [{"id": "p", "text": "P?", "values": ["a", "b"], "exclusive": false}, {"id": "q"}],
            "statements": [{"id": "s1", "actor": "m", "time": "2024-03-02T10:00Z", "text": " padded ", "source": "u",
                            "base": 0.125, "evidence": "finding", "interest": "against-interest",
                            "claim": {"proposition": "p", "value": "b", "stance": "reports", "x-cq": "1"}, "x-s": null, "x-t": "1"},
                           {"id": "s2", "claim": {"proposition": "q", "stance": "denies"}, "x-t": 2}],
            "relations": [{"from": "s1", "to": "s2", "type": "contradicts", "weight": 0.5, "directed": true, "note": "n"}]})");
        const auto t = narrative::write_case_tables(original);
        const auto back = narrative::read_case_tables(
            {.statements = {.text = t.statements, .source = "s"},
             .relations = narrative::csv_table_text{.text = t.relations, .source = "r"},
             .actors = narrative::csv_table_text{.text = t.actors, .source = "a"},
             .propositions = narrative::csv_table_text{.text = t.propositions, .source = "p"},
             .info = narrative::csv_table_text{.text = t.info, .source = "c"}});
        CHECK(narrative::write_case(back) == narrative::write_case(original));
    }

    TEST_CASE("the ceasefire case survives case -> tables -> case, in CSV and TSV") {
        const auto original = narrative::read_case_file(NARRATIVE_SOURCE_DIR "/examples/ceasefire/ceasefire.json");
        for (const char delimiter : {',', '\t'}) {
            const auto t = narrative::write_case_tables(original, delimiter);
            narrative::case_csv_input in{.statements = {.text = t.statements, .source = "s"},
                                         .relations = narrative::csv_table_text{.text = t.relations, .source = "r"},
                                         .actors = narrative::csv_table_text{.text = t.actors, .source = "a"},
                                         .propositions = narrative::csv_table_text{.text = t.propositions, .source = "p"},
                                         .info = narrative::csv_table_text{.text = t.info, .source = "c"}};
            narrative::case_csv_mapping m{};
            m.delimiter = delimiter;
            const auto back = narrative::check_case_tables(in, m);
            INFO(messages(back));
            REQUIRE(back.ok());

            // The same case: its JSON equals the original's up to the order of keys inside an
            // object (a row's x- keys come back in column order; here two statements list
            // x-channel and x-time-note in opposite orders, so no column order keeps both).
            CHECK(nlohmann::json::parse(narrative::write_case(*back.model)) ==
                  nlohmann::json::parse(narrative::write_case(original)));
            // And the tables written again are the same bytes.
            CHECK(narrative::write_case_tables(*back.model, delimiter).statements == t.statements);
        }
    }
}
