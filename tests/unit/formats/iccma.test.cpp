// SPDX-License-Identifier: MIT
// The ICCMA formats: each construct on a small file, the mapping of the formats reference
// (docs/formats.md, "ICCMA"): arguments become anonymous statements, attacks directed
// contradictions; writing projects a case to its attack graph.
#include <narrative/io/iccma.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace narrative;

namespace {

const std::string ceasefire_path = std::string(NARRATIVE_SOURCE_DIR) + "/examples/ceasefire/ceasefire.json";

// The first error's `line:column: message`, or "" when there is none.
std::string first_error(const check_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error) return d.location + ": " + d.message;
    return "";
}

std::vector<attack_by_id> pairs(std::initializer_list<attack_by_id> list) { return list; }

// The example of the formats reference: s1 and s2 contradict each other, s3 supports s1.
case_model reference_example() {
    return read_case(R"({"format": "narrative/1", "statements": [
        {"id": "s1", "text": "closed because of cracks"}, {"id": "s2", "text": "no cracks found"},
        {"id": "s3", "text": "load tests unsafe"}],
      "relations": [{"from": "s1", "to": "s2", "type": "contradicts"},
                    {"from": "s3", "to": "s1", "type": "supports"}]})");
}

}  // namespace

TEST_SUITE("formats.iccma") {
    TEST_CASE("apx facts become statements and directed contradictions") {
        const auto c = read_iccma("arg(a).\narg(b). arg(c).\natt(a,b).\natt( c , a ). % c attacks a\n",
                                  iccma_format::apx);
        REQUIRE(c.statement_count() == 3);
        CHECK(c.statement_at(0).id == "a");
        CHECK(c.statement_at(2).id == "c");
        CHECK_FALSE(c.statement_at(0).actor.has_value());  // anonymous statements
        REQUIRE(c.relation_count() == 2);
        CHECK(c.relation_at(std::size_t{0}).type == relation_type::contradicts);
        CHECK(c.relation_at(std::size_t{0}).is_directed());
        CHECK(attacks_by_id(c) == pairs({{"a", "b"}, {"c", "a"}}));
    }

    TEST_CASE("apx reads quoted names and attacks before their arguments") {
        const auto c = read_iccma("att(\"x y\",b).\narg(\"x y\").arg(b).\n", iccma_format::apx);
        CHECK(c.statement_at(0).id == "x y");
        CHECK(attacks_by_id(c) == pairs({{"x y", "b"}}));
    }

    TEST_CASE("tgf names labels and attacks") {
        const auto c = read_iccma("s1 closed because of cracks\ns2\n#\ns1 s2\ns2 s1\n", iccma_format::tgf);
        REQUIRE(c.statement_count() == 2);
        CHECK(c.statement_at(0).text == std::optional<std::string>("closed because of cracks"));
        CHECK_FALSE(c.statement_at(1).text.has_value());
        // Two opposite attacks stay two directed relations.
        CHECK(c.relation_count() == 2);
        CHECK(attacks_by_id(c) == pairs({{"s1", "s2"}, {"s2", "s1"}}));
    }

    TEST_CASE("i23 numbers the arguments and reads attacks") {
        const auto c = read_iccma("p af 3\n# a comment\n1 2\n2 1\n3 3\n", iccma_format::i23);
        REQUIRE(c.statement_count() == 3);
        CHECK(c.statement_at(2).id == "3");
        CHECK(attacks_by_id(c) == pairs({{"1", "2"}, {"2", "1"}, {"3", "3"}}));
    }

    TEST_CASE("i23 name comments give the statement ids") {
        // The i23 example of the formats reference, with one comment per argument.
        const auto c = read_iccma("p af 3\n# 1=s1\n# 2=s2\n# 3=s3\n1 2\n2 1\n", iccma_format::i23);
        CHECK(c.statement_at(0).id == "s1");
        CHECK(c.statement_at(2).id == "s3");
        CHECK(attacks_by_id(c) == pairs({{"s1", "s2"}, {"s2", "s1"}}));
    }

    TEST_CASE("the reference example is written as in the formats reference") {
        const auto c = reference_example();
        const auto i23 = write_iccma(c, iccma_format::i23);
        CHECK(i23.text == "p af 3\n# 1=s1\n# 2=s2\n# 3=s3\n1 2\n2 1\n");
        const auto apx = write_iccma(c, iccma_format::apx);
        CHECK(apx.text == "arg(s1).\narg(s2).\narg(s3).\natt(s1,s2).\natt(s2,s1).\n");
        const auto tgf = write_iccma(c, iccma_format::tgf);
        CHECK(tgf.text == "s1 closed because of cracks\ns2 no cracks found\ns3 load tests unsafe\n#\ns1 s2\ns2 s1\n");
        // The support is dropped, with a warning located at it; apx and i23 also drop the texts.
        REQUIRE(i23.dropped.size() == 2);
        CHECK(i23.dropped[0].location == "/relations/1");
        CHECK(i23.dropped[0].message == "1 supports relation dropped: i23 has attacks only");
        CHECK(i23.dropped[1].message == "texts dropped: i23 carries arguments and attacks only");
        CHECK(tgf.dropped.size() == 1);
    }

    TEST_CASE("case to ICCMA and back keeps the attacks") {
        const auto c = read_case_file(ceasefire_path);
        const auto expected = attacks_by_id(c);
        REQUIRE_FALSE(expected.empty());
        for (const auto format : {iccma_format::apx, iccma_format::tgf, iccma_format::i23}) {
            CAPTURE(to_string(format));
            const auto back = read_iccma(write_iccma(c, format).text, format);
            CHECK(attacks_by_id(back) == expected);
            CHECK(back.statement_count() == c.statement_count());
            for (std::size_t v = 0; v < c.statement_count(); ++v) CHECK(back.statement_at(v).id == c.statement_at(v).id);
        }
    }

    TEST_CASE("awkward ids survive apx and i23") {
        const auto c = read_case(R"({"format": "narrative/1", "statements": [
            {"id": "a (1), b."}, {"id": "say \"no\" \\ %"}, {"id": "2"}, {"id": "1"}],
          "relations": [{"from": "a (1), b.", "to": "say \"no\" \\ %", "type": "contradicts", "directed": true},
                        {"from": "2", "to": "1", "type": "contradicts", "directed": true}]})");
        for (const auto format : {iccma_format::apx, iccma_format::i23}) {
            CAPTURE(to_string(format));
            const auto back = read_iccma(write_iccma(c, format).text, format);
            CHECK(attacks_by_id(back) == attacks_by_id(c));
        }
        // TGF names are single words.
        const auto problems = iccma_problems(c, iccma_format::tgf);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].location == "/statements/0/id");
        CHECK_THROWS_AS((void)write_iccma(c, iccma_format::tgf), model_error);
    }

    TEST_CASE("syntax errors are located by line and column") {
        struct bad {
            iccma_format format;
            const char* text;
            const char* error;
        };
        const bad cases[] = {
            {iccma_format::apx, "arg(a).\narg(b)\n", "2:7: expected \".\", found the end of the line"},
            {iccma_format::apx, "arg(a).\n  atk(a,a).\n", "2:3: expected \"arg(…).\" or \"att(…, …).\", found \"atk(a,a).\""},
            {iccma_format::apx, "arg(a).\natt(a b).\n", "2:7: expected \",\", found \"b\""},
            {iccma_format::apx, "arg(\"a).\n", "1:5: unterminated quoted name"},
            {iccma_format::apx, "arg().\n", "1:5: expected an argument name, found \")\""},
            {iccma_format::apx, "arg(\"\").\n", "1:5: empty argument name"},
            {iccma_format::tgf, "a\nb\n#\na\n", "4:2: expected two argument names \"a b\" on an attack line"},
            {iccma_format::tgf, "a\nb\n#\na b c\n", "4:5: unexpected text after the attack \"a b\""},
            {iccma_format::tgf, "a\n#\na a\n#\n", "4:1: a second \"#\" line (the attacks have begun)"},
            {iccma_format::i23, "1 2\n", "1:1: expected the header \"p af N\", found \"1 2\""},
            {iccma_format::i23, "p aba 3\n", "1:3: ABA frameworks (\"p aba\") are not supported, only \"p af N\""},
            {iccma_format::i23, "p af x\n", "1:6: expected the number of arguments, found \"x\""},
            {iccma_format::i23, "p af 2\n1 2x\n", "2:3: expected an argument number, found \"2x\""},
            {iccma_format::i23, "p af 2\n1 3\n", "2:3: argument 3 is not among 1…2 (declared by \"p af 2\")"},
            {iccma_format::i23, "p af 2\n0 1\n", "2:1: argument 0 is not among 1…2 (declared by \"p af 2\")"},
            {iccma_format::i23, "p af 2\n1 2 2\n", "2:5: unexpected text after the attack \"i j\""},
            {iccma_format::i23, "# only a comment\n", "2:1: missing the header \"p af N\""},
            {iccma_format::i23, "p af 2\n# 1=x\n# 2=x\n", "3:3: arguments 1 and 2 have the same name \"x\""},
        };
        for (const auto& b : cases) {
            CAPTURE(b.text);
            const auto r = check_iccma(b.text, b.format, "f");
            CHECK_FALSE(r.ok());
            CHECK(first_error(r) == b.error);
        }
    }

    TEST_CASE("duplicate arguments and undeclared arguments are errors") {
        const auto r = check_iccma("arg(a).\narg(b).\n arg(a).\natt(a,c).\natt(d,b).\n", iccma_format::apx, "f");
        CHECK_FALSE(r.ok());
        REQUIRE(r.error_count() == 3);
        CHECK(r.diagnostics[0].to_string() == "f:3:6: error: duplicate argument \"a\" (first declared at 1:5)");
        CHECK(r.diagnostics[1].to_string() == "f:4:7: error: attack on undeclared argument \"c\"");
        CHECK(r.diagnostics[2].to_string() == "f:5:5: error: attack from undeclared argument \"d\"");
        const auto tgf = check_iccma("a\nb\na\n#\n", iccma_format::tgf, "f");
        CHECK(first_error(tgf) == "3:1: duplicate argument \"a\" (first declared at 1:1)");
    }

    TEST_CASE("a repeated attack is a warning and kept once") {
        const auto r = check_iccma("p af 2\n1 2\n1 2\n", iccma_format::i23, "f");
        REQUIRE(r.ok());
        CHECK(r.model->relation_count() == 1);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].to_string() == "f:3:1: warning: repeated attack \"1\" -> \"2\" (kept once)");
    }

    TEST_CASE("sizes over the limits are refused before allocating") {
        const auto huge = check_iccma("p af 99999999999\n", iccma_format::i23, "f");
        CHECK(first_error(huge) == "1:6: too many arguments: 99999999999 (at most 1048576)");
        const auto overflow = check_iccma("p af 999999999999999999999999\n", iccma_format::i23, "f");
        CHECK(first_error(overflow) == "1:6: the number of arguments 999999999999999999999999 is too large");
        iccma_read_options small;
        small.max_arguments = 2;
        small.max_attacks = 1;
        small.max_name_bytes = 3;
        CHECK(first_error(check_iccma("a\nb\nc\n", iccma_format::tgf, "f", small)) == "3:1: more than 2 arguments");
        CHECK(first_error(check_iccma("a\nb\n#\na b\nb a\n", iccma_format::tgf, "f", small)) ==
              "5:1: more than 1 attacks");
        CHECK(first_error(check_iccma("arg(abcd).", iccma_format::apx, "f", small)) ==
              "1:5: argument name longer than 3 bytes");
    }

    TEST_CASE("too many errors stop the reading") {
        std::string text = "p af 1\n";
        for (int i = 0; i < 20; ++i) text += "x\n";
        iccma_read_options few;
        few.max_errors = 5;
        const auto r = check_iccma(text, iccma_format::i23, "f", few);
        REQUIRE(r.diagnostics.size() == 6);
        CHECK(r.diagnostics.back().message == "too many errors (5), reading stopped");
    }

    TEST_CASE("ill-formed UTF-8 is refused at its position") {
        const auto r = check_iccma("arg(a).\narg(b\xC3(.\n", iccma_format::apx, "f");
        CHECK(first_error(r) == "2:6: ill-formed UTF-8 byte \\xc3");
    }

    TEST_CASE("format names") {
        CHECK(parse_iccma_format("apx") == iccma_format::apx);
        CHECK(parse_iccma_format("i23") == iccma_format::i23);
        CHECK_FALSE(parse_iccma_format("af").has_value());
        CHECK(to_string(iccma_format::tgf) == "tgf");
    }
}

#if NARRATIVE_HAVE_SHARED_DATA
TEST_SUITE("formats.iccma.data") {
    TEST_CASE("the real cases keep their attacks through every ICCMA format") {
        // Attacks counted from the files: a mutual contradiction is two, a directed one one.
        struct sample {
            const char* name;
            std::size_t statements;
            std::size_t attacks;
        };
        const sample samples[] = {{"gulf-of-tonkin", 40, 28}, {"theranos", 31, 20}, {"volkswagen-emissions", 33, 24}};
        for (const auto& s : samples) {
            CAPTURE(s.name);
            const auto c = read_case_file(std::string(NARRATIVE_SHARED_DATA_DIR) + "/cases/" + s.name + ".json");
            const auto expected = attacks_by_id(c);
            CHECK(expected.size() == s.attacks);
            for (const auto format : {iccma_format::apx, iccma_format::tgf, iccma_format::i23}) {
                CAPTURE(to_string(format));
                const auto back = read_iccma(write_iccma(c, format).text, format);
                CHECK(back.statement_count() == s.statements);
                CHECK(attacks_by_id(back) == expected);
            }
        }
    }
}
#endif
