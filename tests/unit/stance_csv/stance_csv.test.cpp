// SPDX-License-Identifier: MIT
// Tests of the stance-table CSV importer: splitting, mapping, case building and bad rows.

#include <narrative/io/stance_csv.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

using namespace std::string_literals;

TEST_SUITE("stance_csv.read_csv_rows") {
    TEST_CASE("quoted fields keep delimiters and doubled quotes and may span lines") {
        const auto rows = narrative::read_csv_rows("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\r\nlast,1\n");
        REQUIRE(rows.size() == 4);
        CHECK(rows[1].fields[0] == "x, y");
        CHECK(rows[1].fields[1] == "say \"hi\"");
        CHECK(rows[2].fields[0] == "two\nlines");
        CHECK(rows[2].line == 3);
        // The quoted field spans lines 3 and 4, so the next row starts on line 5.
        CHECK(rows[3].line == 5);
        CHECK(rows[3].fields[1] == "1");
    }
    TEST_CASE("an unterminated quote is a parse error with its line") {
        try {
            (void)narrative::read_csv_rows("a,b\n1,\"open\n2,3\n", ',', "t.csv");
            FAIL("no exception");
        } catch (const narrative::parse_error& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].location == "2:3");
            CHECK(e.diagnostics()[0].source == "t.csv");
        }
    }
    TEST_CASE("tab separated rows with CRLF and empty trailing fields") {
        const auto rows = narrative::read_csv_rows("s1\t123\tT\t\r\ns2\t123\tT\tKnuth\r\n", '\t');
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].fields.size() == 4);
        CHECK(rows[0].fields[3].empty());
        CHECK(rows[1].fields[3] == "Knuth");
    }
}

namespace {
const std::string emergent_like =
    ",claim,headline,stance,articleId,claimId,source,truth\n"
    "0,Cat elected mayor,Cat wins,for,a1,c1,news.example,false\n"
    "1,Cat elected mayor,Cat reportedly wins,observing,a2,c1,blog.example,false\n"
    "2,Cat elected mayor,No cat won,against,a3,c1,facts.example,false\n"
    "3,Moon is cheese,Moon cheese confirmed,for,a4,c2,news.example,unknown\n";

narrative::stance_csv_mapping emergent_mapping() {
    return narrative::parse_stance_csv_mapping_json(R"({
        "actor": "source", "proposition": "claimId", "proposition_text": "claim",
        "stance": "stance", "text": "headline", "statement_id": "articleId",
        "stance_values": {"for": "asserts", "against": "denies", "observing": "reports"}})");
}
}  // namespace

TEST_SUITE("stance_csv.import") {
    TEST_CASE("an Emergent like table becomes actors yes-no propositions and statements") {
        const auto r = narrative::import_stance_csv(emergent_like, emergent_mapping());
        const auto& m = r.model;
        CHECK(r.rows == 4);
        CHECK(r.skipped == 0);
        CHECK(m.actors().size() == 3);
        REQUIRE(m.propositions().size() == 2);
        CHECK(m.propositions()[0].id == "c1");
        CHECK(m.propositions()[0].is_yes_no());
        CHECK(m.propositions()[0].text == "Cat elected mayor"s);
        REQUIRE(m.statement_count() == 4);
        const auto v = m.find_statement("a2");
        REQUIRE(v.has_value());
        CHECK(m.statement_at(*v).claim->effective_stance() == narrative::stance::reports);
        CHECK(m.statement_at(*v).actor == "blog.example"s);
        CHECK(m.statement_at(*v).text == "Cat reportedly wins"s);
        CHECK(m.statement_at(*m.find_statement("a3")).claim->effective_stance() ==
              narrative::stance::denies);
        // news.example made two statements.
        CHECK(m.statements_of(*m.find_actor("news.example")).size() == 2);
    }
    TEST_CASE("a value column declares exclusive valued propositions from joined columns") {
        const std::string csv =
            "\"ObjectID\",\"PropertyID\",\"PropertyValue\",\"SourceID\",\"TimeStamp\"\n"
            "\"gary, indiana\",\"Population2000\",\"102746\",\"1: ed\",\"null\"\n"
            "\"gary, indiana\",\"Population2000\",\"102700\",\"2: bo\",\"2001-05\"\n"
            "\"gary, indiana\",\"Population2000\",\"102746\",\"0 (1.2.3.4)\",\"null\"\n";
        const auto r = narrative::import_stance_csv(
            csv, narrative::parse_stance_csv_mapping(
                     "actor=SourceID,proposition=ObjectID+PropertyID,value=PropertyValue,time=TimeStamp"));
        REQUIRE(r.model.propositions().size() == 1);
        const auto& p = r.model.propositions()[0];
        CHECK(p.id == "gary, indiana/Population2000");
        REQUIRE(p.values.has_value());
        CHECK(*p.values == std::vector<std::string>{"102746", "102700"});
        CHECK(p.is_exclusive());
        // "null" is a missing time; the second row has a month.
        CHECK_FALSE(r.model.statement_at(0).time.has_value());
        REQUIRE(r.model.statement_at(1).time.has_value());
        CHECK(r.model.statement_at(1).time->precision() == narrative::time_precision::month);
        CHECK(r.model.statement_at(0).id == "row-2");
    }
    TEST_CASE("columns by position work without a header") {
        const auto r = narrative::import_stance_csv(
            "store1\t111\tTitle\tKnuth, Donald\r\nstore2\t111\tTitle\tD. Knuth\r\n",
            narrative::parse_stance_csv_mapping("actor=#1,proposition=#2,value=#4,text=#3,header=false,delimiter=tab"));
        CHECK(r.model.actors().size() == 2);
        CHECK(r.model.statement_at(1).claim->value == "D. Knuth"s);
        CHECK(r.model.statement_at(0).id == "row-1");
    }
}

TEST_SUITE("stance_csv.errors") {
    const std::string bad =
        "actor,prop,stance,when\n"
        "a,p,asserts,2020\n"
        "b,p,maybe,2020\n"      // line 3: unknown stance
        ",p,asserts,2020\n"     // line 4: empty actor
        "c,p,denies,2020-13\n"  // line 5: invalid month
        "d,p\n";                // line 6: too few fields
    const narrative::stance_csv_mapping mapping{.actor = {"actor"}, .proposition = {"prop"},
                                                .stance = "stance", .time = "when"};

    TEST_CASE("strict mode throws every bad row with its line number") {
        try {
            (void)narrative::import_stance_csv(bad, mapping, {.source_name = "t.csv", .strict = true});
            FAIL("no exception");
        } catch (const narrative::parse_error& e) {
            const auto& d = e.diagnostics();
            REQUIRE(d.size() == 4);
            CHECK(d[0].location == "3");
            CHECK(d[0].message.find("unknown stance \"maybe\"") != std::string::npos);
            CHECK(d[1].location == "4");
            CHECK(d[1].message == "empty actor");
            CHECK(d[2].location == "5");
            CHECK(d[2].message.find("invalid time") != std::string::npos);
            CHECK(d[3].location == "6");
            CHECK(d[3].to_string().rfind("t.csv:6: error:", 0) == 0);
        }
    }
    TEST_CASE("lenient mode skips bad rows and keeps the good ones") {
        const auto r = narrative::import_stance_csv(bad, mapping, {.source_name = "t.csv", .strict = false});
        CHECK(r.rows == 5);
        CHECK(r.skipped == 4);
        CHECK(r.diagnostics.size() == 4);
        CHECK(r.model.statement_count() == 1);
    }
    TEST_CASE("a duplicate statement id is a bad row naming the first line") {
        const auto r = narrative::import_stance_csv("id,a,p\nx,a1,p\nx,a2,p\n",
                                                    {.actor = {"a"}, .proposition = {"p"}, .statement_id = {"id"}},
                                                    {.source_name = "t", .strict = false});
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].location == "3");
        CHECK(r.diagnostics[0].message == "duplicate statement id \"x\" (first on line 2)");
    }
    TEST_CASE("a column missing from the header is reported on line 1") {
        CHECK_THROWS_AS((void)narrative::import_stance_csv("a,b\n1,2\n", {.actor = {"a"}, .proposition = {"nope"}}),
                        narrative::parse_error);
    }
    TEST_CASE("mappings without actor or with unknown keys are rule errors") {
        CHECK_THROWS_AS((void)narrative::import_stance_csv("a\n1\n", {.actor = {}, .proposition = {"a"}}),
                        narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_stance_csv_mapping_json(R"({"actr": "a"})"), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_stance_csv_mapping("actor"), narrative::rule_error);
        CHECK_THROWS_AS((void)narrative::parse_stance_csv_mapping_json(R"({"stance_values": {"x": "maybe"}})"),
                        narrative::rule_error);
    }
    TEST_CASE("text that is not UTF-8 is refused where it is read, with its line and column") {
        const narrative::stance_csv_mapping columns{.actor = {"actor"}, .proposition = {"claim"}};
        for (const bool strict : {true, false}) {
            try {
                // Latin-1 "é" (0xE9) on line 3, column 6.
                (void)narrative::import_stance_csv("actor,claim\nx,ok\ny,caf\xe9\n", columns,
                                                   {.source_name = "t.csv", .strict = strict});
                FAIL("no exception");
            } catch (const narrative::parse_error& e) {
                REQUIRE(e.diagnostics().size() == 1);
                CHECK(e.diagnostics()[0].to_string() ==
                      "t.csv:3:6: error: ill-formed UTF-8 byte \\xe9 (a stance table is read as UTF-8)");
            }
        }
        // Well-formed UTF-8 passes, including four-byte characters.
        const auto r = narrative::import_stance_csv("actor,claim\nx,caf\xc3\xa9 \xf0\x9f\x98\x80\n", columns);
        CHECK(r.model.propositions().at(0).id == "caf\xc3\xa9 \xf0\x9f\x98\x80");
    }
    TEST_CASE("a mapping that is not UTF-8 or names an impossible column is a located parse error") {
        try {
            (void)narrative::parse_stance_csv_mapping("actor=a\xff,proposition=p");
            FAIL("no exception");
        } catch (const narrative::parse_error& e) {
            CHECK(e.diagnostics().at(0).to_string() ==
                  "<mapping>:1:8: error: ill-formed UTF-8 byte \\xff (a mapping is UTF-8 text)");
        }
        try {
            (void)narrative::parse_stance_csv_mapping_json("{\"actor\": \"a\xff\"}");
            FAIL("no exception");
        } catch (const narrative::parse_error& e) {
            CHECK(e.diagnostics().at(0).location == "1:13");
            CHECK(e.diagnostics().at(0).message.find("invalid JSON: ") == 0);
            CHECK(e.diagnostics().at(0).message.find("ill-formed UTF-8 byte") != std::string::npos);
        }
        for (const char* position : {"#99999999999999999999", "#18446744073709551616"}) {
            CAPTURE(position);
            try {
                (void)narrative::import_stance_csv("a,b\n1,2\n", {.actor = {position}, .proposition = {"b"}},
                                                   {.source_name = "t.csv"});
                FAIL("no exception");
            } catch (const narrative::parse_error& e) {
                CHECK(e.diagnostics().at(0).to_string() ==
                      "t.csv:1: error: no column \"" + std::string(position) + "\": the position is too large");
            }
        }
        // The largest position that fits is only a missing column on every row.
        const auto r = narrative::import_stance_csv("a,b\n1,2\n", {.actor = {"#18446744073709551615"}, .proposition = {"b"}},
                                                    {.strict = false});
        CHECK(r.skipped == 1);
    }
}

// The stance-table part of the invalid corpus, tests/invalid/stance-csv: each file with the
// diagnostic it must give. `.csv` files are imported with the mapping actor=actor,
// proposition=claim, stance=stance; `.mapping` (key=column) and `.mapping.json` files are
// read as mappings, then used on a valid table.
TEST_SUITE("stance_csv.invalid_corpus") {
    TEST_CASE("every file of the corpus gives its located error and nothing else") {
        namespace fs = std::filesystem;
        const fs::path folder = fs::path(NARRATIVE_SOURCE_DIR) / "tests" / "invalid" / "stance-csv";
        const std::map<std::string, std::string> expected = {
            {"non-utf8.csv", "non-utf8.csv:2:6: error: ill-formed UTF-8 byte \\xe9 (a stance table is read as UTF-8)"},
            {"overlong-utf8.csv", "overlong-utf8.csv:3:3: error: ill-formed UTF-8 byte \\xc0 (a stance table is read as UTF-8)"},
            {"surrogate-utf8.csv", "surrogate-utf8.csv:2:3: error: ill-formed UTF-8 byte \\xed (a stance table is read as UTF-8)"},
            {"non-utf8.mapping", "<mapping>:1:30: error: ill-formed UTF-8 byte \\xe9 (a mapping is UTF-8 text)"},
            {"non-utf8.mapping.json", "<mapping>:1:42: error: invalid JSON: syntax error while parsing value - "
                                      "invalid string: ill-formed UTF-8 byte; last read: '\"claim\\xe9\"'"},
            {"number-overflow.mapping.json", "<mapping>:1:49: error: invalid JSON: number overflow parsing '1e400'"},
            {"column-overflow.mapping", "column-overflow.mapping:1: error: no column \"#99999999999999999999\": "
                                        "the position is too large"},
        };
        std::size_t seen = 0;
        for (const auto& entry : fs::directory_iterator(folder)) {
            const std::string name = entry.path().filename().string();
            CAPTURE(name);
            const auto it = expected.find(name);
            REQUIRE_MESSAGE(it != expected.end(), "a corpus file without an expectation");
            ++seen;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const std::string valid_table = "actor,claim,stance\nx,p,asserts\n";
            std::vector<narrative::diagnostic> found;
            try {
                if (name.ends_with(".csv")) {
                    (void)narrative::import_stance_csv(
                        text, {.actor = {"actor"}, .proposition = {"claim"}, .stance = "stance"},
                        {.source_name = name});
                } else {
                    while (!text.empty() && text.back() == '\n') text.pop_back();
                    const auto read = name.ends_with(".json") ? narrative::parse_stance_csv_mapping_json(text)
                                                              : narrative::parse_stance_csv_mapping(text);
                    (void)narrative::import_stance_csv(valid_table, read, {.source_name = name});
                }
            } catch (const narrative::parse_error& e) {
                found = e.diagnostics();
            }
            REQUIRE(found.size() == 1);
            CHECK(found[0].to_string() == it->second);
        }
        CHECK(seen == expected.size());
    }
}

#if NARRATIVE_HAVE_SHARED_DATA
#include <filesystem>

namespace {
narrative::stance_csv_mapping emergent_mapping_real() {
    return narrative::parse_stance_csv_mapping(
        "actor=source,proposition=claimId,proposition_text=claimHeadline,stance=articleHeadlineStance,"
        "text=articleHeadline,source=url,statement_id=articleId,"
        "stance_values=for:asserts+against:denies+observing:reports");
}
}  // namespace

TEST_SUITE("stance_csv.data") {
    TEST_CASE("the Emergent table imports with the counts of its README") {
        const std::filesystem::path file = std::filesystem::path(NARRATIVE_SHARED_DATA_DIR) / "emergent" / "edata_all.csv";
        if (!std::filesystem::exists(file)) {
            MESSAGE("skipped: no Emergent data at " << file.string());
            return;
        }
        const auto r = narrative::read_stance_csv_file(file, emergent_mapping_real());
        // Emergent README: 2,595 articles, 300 claims, 724 source domains; 1,238 for,
        // 395 against, 962 observing.
        CHECK(r.model.statement_count() == 2595);
        CHECK(r.model.propositions().size() == 300);
        CHECK(r.model.actors().size() == 724);
        std::size_t counts[3] = {0, 0, 0};
        for (std::uint32_t v = 0; v < r.model.statement_count(); ++v)
            ++counts[static_cast<int>(r.model.statement_at(v).claim->effective_stance())];
        CHECK(counts[0] == 1238);
        CHECK(counts[1] == 395);
        CHECK(counts[2] == 962);
    }
}
#endif
