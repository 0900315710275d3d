// SPDX-License-Identifier: MIT
#include <narrative/io/case_json.hpp>

#include "damage.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace narrative;

namespace {
const std::string ceasefire_path = std::string(NARRATIVE_SOURCE_DIR) + "/examples/ceasefire/ceasefire.json";

// The diagnostics of a text, as "location: message" lines.
std::vector<std::string> problems(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& d : check_case(text, "t.json").diagnostics) out.push_back(d.location + ": " + d.message);
    return out;
}

bool has_problem(std::string_view text, std::string_view needle) {
    const auto all = problems(text);
    return std::any_of(all.begin(), all.end(), [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}
}  // namespace

TEST_SUITE("io.case_json") {
    TEST_CASE("a complete case is read with every field") {
        const auto c = read_case(R"({
          "format": "narrative/1", "title": "T", "description": "D", "x-case": {"k": 1},
          "actors": [{"id": "a1", "name": "Actor One", "kind": "person", "group": "g", "prior": 0.7, "x-note": "n"}],
          "propositions": [{"id": "p", "text": "who", "values": ["u", "v"], "exclusive": false}],
          "statements": [
            {"id": "s1", "actor": "a1", "time": "2025-05", "text": "said", "source": "src", "base": 0.25,
             "claim": {"proposition": "p", "value": "u", "stance": "denies", "x-c": true}},
            {"id": "s2", "claim": {"proposition": "yes-no"}}
          ],
          "relations": [{"from": "s1", "to": "s2", "type": "contradicts", "weight": 0.5, "directed": true, "note": "why"}]
        })");
        CHECK(*c.info().title == "T");
        CHECK(c.info().ext["x-case"]["k"] == 1);
        const actor& a = c.actors().at(0);
        CHECK(a.display_name() == "Actor One");
        CHECK(*a.prior == 0.7);
        CHECK(a.ext["x-note"] == "n");
        CHECK_FALSE(c.propositions()[0].is_exclusive());
        const statement& s1 = c.statement_at(0);
        CHECK(s1.time->precision() == time_precision::month);
        CHECK(s1.claim->effective_stance() == stance::denies);
        CHECK(*s1.claim->value == "u");
        CHECK(s1.claim->ext["x-c"] == true);
        CHECK(c.base_of(0) == 0.25);
        CHECK(c.statement_at(1).claim->effective_stance() == stance::asserts);  // default
        const relation& r = c.relation_at(std::size_t{0});
        CHECK(r.is_directed());
        CHECK(r.effective_weight() == 0.5);
        CHECK(*r.note == "why");
    }

    TEST_CASE("writing then reading gives back the same document") {
        const auto c = read_case_file(ceasefire_path);
        const std::string once = write_case(c);
        const std::string twice = write_case(read_case(once));
        CHECK(once == twice);
        // Nothing of the file is lost: the written document equals the file's, key order aside.
        const auto original = nlohmann::json::parse(read_text_file(ceasefire_path));
        auto written = nlohmann::json::parse(once);
        for (const char* key : {"actors", "propositions", "relations"})
            if (!original.contains(key)) written.erase(key);  // absent arrays are written as []
        CHECK(written == original);
    }

    TEST_CASE("absent optional fields stay absent") {
        const auto c = read_case(R"({"format": "narrative/1", "statements": [{"id": "s"}]})");
        CHECK(write_case(c) ==
              "{\n  \"format\": \"narrative/1\",\n  \"actors\": [],\n  \"propositions\": [],\n"
              "  \"statements\": [\n    {\n      \"id\": \"s\"\n    }\n  ],\n  \"relations\": []\n}\n");
    }

    TEST_CASE("inferred relations are never written as asserted") {
        auto c = read_case(R"({"format": "narrative/1", "statements": [{"id": "a"}, {"id": "b"}]})");
        c.relate("a", "b", {.provenance = provenance::inferred, .rule = "same-claim"});
        CHECK(write_case(c).find("\"from\"") == std::string::npos);
    }

    TEST_CASE("every error of a file is reported together") {
        const auto result = check_case(R"({
          "format": "narrative/1",
          "actors": [{"id": "x", "prior": 2}],
          "statements": [{"id": "a", "actor": "y"}, {"id": "a"}, {"id": "b", "base": -1}],
          "relations": [{"from": "a", "to": "c", "type": "supports"}, {"from": "b", "to": "a", "type": "refutes"}]
        })", "t.json");
        CHECK_FALSE(result.ok());
        CHECK(result.error_count() == 6);
        CHECK_THROWS_AS((void)read_case(R"({"format": "narrative/1"})"), parse_error);
        try {
            (void)read_case(R"({"format": 1, "statements": 3})", "f.json");
            FAIL("expected a parse_error");
        } catch (const parse_error& e) {
            REQUIRE(e.diagnostics().size() == 2);
            CHECK(e.diagnostics()[0].to_string() == "f.json:/format: error: must be \"narrative/1\", got 1");
            CHECK(e.diagnostics()[1].to_string() == "f.json:/statements: error: must be an array, got a number");
            CHECK(e.code() == errc::parse);
        }
    }

    TEST_CASE("syntax errors give line and column") {
        const auto result = check_case("{\n  \"format\": \"narrative/1\",\n  \"statements\": [}\n", "s.json");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].location == "3:18");
        CHECK(result.diagnostics[0].message.find("invalid JSON") == 0);
    }

    TEST_CASE("dangling ids come with the closest existing id") {
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [{"id": "trump-2025-05-10"}],
            "relations": [{"from": "trump-2025-05-10", "to": "trump-2025-05-1", "type": "contradicts"}]})",
                          R"(/relations/0/to: unknown statement "trump-2025-05-1"; did you mean "trump-2025-05-10"?)"));
        // Nothing close: no suggestion.
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [{"id": "a", "actor": "zzzzzz"}],
            "actors": [{"id": "india"}]})", R"(/statements/0/actor: unknown actor "zzzzzz")"));
        CHECK_FALSE(has_problem(R"({"format": "narrative/1", "statements": [{"id": "a", "actor": "zzzzzz"}],
            "actors": [{"id": "india"}]})", "did you mean"));
    }

    TEST_CASE("claims are checked against their proposition") {
        const std::string props = R"("propositions": [{"id": "broker", "values": ["us", "bilateral"]}, {"id": "yn"}])";
        const auto with = [&](const std::string& claim) {
            return R"({"format": "narrative/1", )" + props + R"(, "statements": [{"id": "s", "claim": )" + claim + "}]}";
        };
        CHECK(problems(with(R"({"proposition": "broker", "value": "us"})")).empty());
        CHECK(has_problem(with(R"({"proposition": "broker", "value": "bilateal"})"), R"(did you mean "bilateral"?)"));
        CHECK(has_problem(with(R"({"proposition": "broker"})"), R"(missing required key "value")"));
        CHECK(has_problem(with(R"({"proposition": "yn", "value": "true"})"), "is yes/no"));
        CHECK(problems(with(R"({"proposition": "undeclared", "stance": "denies"})")).empty());
        CHECK(has_problem(with(R"({"proposition": "brokr", "value": "us"})"), R"(did you mean proposition "broker"?)"));
        CHECK(has_problem(with(R"({"value": "us"})"), R"(/statements/0/claim: missing required key "proposition")"));
    }

    TEST_CASE("an undeclared proposition one or two edits from a declared id is a warning") {
        // "iraq-has-wmd-stockpile" against the declared "iraq-has-wmd-stockpiles": without the
        // warning the evidence on one question would silently split in two.
        const auto text = R"({"format": "narrative/1", "propositions": [{"id": "iraq-has-wmd-stockpiles"}],
            "statements": [{"id": "s", "claim": {"proposition": "iraq-has-wmd-stockpile"}}]})";
        const auto r = check_case(text, "t.json");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == severity::warning);
        CHECK(r.diagnostics[0].location == "/statements/0/claim/proposition");
        CHECK(r.diagnostics[0].message.find(R"(did you mean "iraq-has-wmd-stockpiles"?)") != std::string::npos);
        CHECK(r.model.has_value());
        // Far from every declared id: an implicit yes/no proposition, no warning.
        CHECK(problems(R"({"format": "narrative/1", "propositions": [{"id": "iraq-has-wmd-stockpiles"}],
            "statements": [{"id": "s", "claim": {"proposition": "niger-uranium"}}]})").empty());
    }

    TEST_CASE("evidence and interest take fixed values and suggest the closest") {
        const auto with = [](const std::string& keys) {
            return R"({"format": "narrative/1", "statements": [{"id": "s", )" + keys + "}]}";
        };
        const auto c = read_case(with(R"("evidence": "finding", "interest": "against-interest")"));
        CHECK(c.statement_at(0).evidence == evidence_kind::finding);
        CHECK(c.statement_at(0).interest == interest::against_interest);
        CHECK(read_case(with(R"("text": "t")")).statement_at(0).effective_evidence() == evidence_kind::claim);
        CHECK(has_problem(with(R"("evidence": "documnet")"),
                          R"(/statements/0/evidence: must be one of "claim", "testimony", "document", "finding", got "documnet"; did you mean "document"?)"));
        CHECK(has_problem(with(R"("interest": "self serving")"), R"(did you mean "self-serving"?)"));
        CHECK(has_problem(with(R"("interest": 3)"), "/statements/0/interest: must be a string"));
        // Written back exactly.
        const auto back = to_json(c);
        CHECK(back["statements"][0]["evidence"] == "finding");
        CHECK(back["statements"][0]["interest"] == "against-interest");
    }

    TEST_CASE("numbers must be finite and in range") {
        const auto statement_with = [](const std::string& field) {
            return R"({"format": "narrative/1", "statements": [{"id": "s", )" + field + "}]}";
        };
        CHECK(problems(statement_with(R"("base": 0)")).empty());
        CHECK(problems(statement_with(R"("base": 1)")).empty());
        CHECK(has_problem(statement_with(R"("base": 1.0000001)"), "must be a number in [0, 1], got 1.0000001"));
        CHECK(has_problem(statement_with(R"("base": true)"), "must be a number in [0, 1], got true"));
        CHECK(has_problem(statement_with(R"("base": null)"), "got null"));
        CHECK(has_problem(statement_with(R"("base": 1e999)"), "number overflow"));
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [{"id": "a"}],
            "relations": [{"from": "a", "to": "a", "type": "supports", "weight": 0}]})", "(0, 1], got 0"));
    }

    TEST_CASE("unknown keys are errors but extension keys pass") {
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [], "relatons": []})",
                          R"(/relatons: unknown key "relatons"; did you mean "relations"?)"));
        CHECK(problems(R"({"format": "narrative/1", "statements": [], "x-anything": {"deep": [1, 2]}})").empty());
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [{"id": "s", "claim": {"proposition": "p", "polarity": 1}}]})",
                          "/statements/0/claim/polarity: unknown key"));
    }

    TEST_CASE("self relations and duplicate relations are warnings") {
        const auto result = check_case(R"({"format": "narrative/1", "statements": [{"id": "a"}, {"id": "b"}],
          "relations": [{"from": "a", "to": "a", "type": "contradicts", "directed": true},
                        {"from": "a", "to": "b", "type": "contradicts"},
                        {"from": "b", "to": "a", "type": "contradicts"},
                        {"from": "a", "to": "b", "type": "supports"}]})");
        REQUIRE(result.ok());
        CHECK(result.model->relation_count() == 4);
        REQUIRE(result.diagnostics.size() == 2);
        CHECK(result.diagnostics[0].severity == severity::warning);
        CHECK(result.diagnostics[0].message == "statement \"a\" is related to itself");
        // b -> a mutual is the same relation as a -> b mutual; a -> b supports is a different one.
        CHECK(result.diagnostics[1].location == "/relations/2");
        CHECK(result.diagnostics[1].message.find("duplicate relation") == 0);
    }

    TEST_CASE("limits stop over long strings and deep nesting") {
        const std::string long_text(2000, 'a');
        const std::string doc = R"({"format": "narrative/1", "statements": [{"id": "s", "text": ")" + long_text + "\"}]}";
        CHECK(check_case(doc, "t", {.max_string_bytes = 1000}).diagnostics.at(0).message ==
              "string of 2000 bytes is longer than the limit of 1000 bytes");
        CHECK(check_case(doc, "t").ok());
        const std::string deep = R"({"format": "narrative/1", "statements": [], "x-d": )" + std::string(500, '[') +
                                 std::string(500, ']') + "}";
        const auto result = check_case(deep, "t");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].message == "nesting deeper than 64 levels");
        CHECK(result.diagnostics[0].location.rfind("/x-d/0/0", 0) == 0);
    }

    TEST_CASE("duplicate keys are reported with their pointer") {
        const auto result = check_case(R"({"format": "narrative/1", "statements": [{"id": "a"}, {"id": "b", "id": "c"}]})", "t");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].location == "/statements/1/id");
        CHECK(result.diagnostics[0].message == "duplicate key \"id\"");
    }

    TEST_CASE("pointers escape slash and tilde") {
        CHECK(has_problem(R"({"format": "narrative/1", "statements": [], "a/b~c": 1})", "/a~1b~0c: unknown key"));
    }

    TEST_CASE("a missing file is an io_error naming it") {
        CHECK_THROWS_AS((void)read_case_file("/no/such/case.json"), io_error);
        try {
            (void)read_case_file("/no/such/case.json");
        } catch (const io_error& e) {
            CHECK(std::string(e.what()).find("/no/such/case.json") == 0);
        }
    }
}

TEST_SUITE("io.case_json") {
    TEST_CASE("damaged files never crash the reader and valid ones round trip") {
        // Deterministic damage to the ceasefire case: flipped bytes, cuts, deleted and doubled
        // spans. Every result is either a located error or a case that writes back stably.
        const std::string original = read_text_file(ceasefire_path);
        narrative::test::xorshift rng(0x9E3779B97F4A7C15ull);
        std::size_t valid = 0, invalid = 0;
        for (int round = 0; round < 300; ++round) {
            const std::string damaged = narrative::test::damaged_copy(original, round, 4, rng);
            const auto result = check_case(damaged, "damaged.json");
            if (result.ok()) {
                ++valid;
                const std::string written = write_case(*result.model);
                CHECK(write_case(read_case(written)) == written);
            } else {
                ++invalid;
                for (const auto& d : result.diagnostics) {
                    CHECK_FALSE(d.message.empty());
                    // Only problems of the whole document (a missing top-level key, not an
                    // object at all) come without a location.
                    const bool whole_document = d.message.find("missing required key") == 0 ||
                                                d.message.find("a case file must be a JSON object") == 0;
                    const bool located = !d.location.empty() || whole_document;
                    CHECK(located);
                }
            }
        }
        CHECK(valid + invalid == 300);
        CHECK(invalid > 100);  // most damage breaks the file
    }
}

namespace {
// The suggestion as first written: every candidate compared with `wanted` in turn. The index
// must give the same answers.
std::optional<std::string> closest_by_scanning(std::string_view wanted, const std::vector<std::string>& candidates) {
    using narrative::detail::edit_distance;
    const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(wanted, c, best_distance - 1 < limit ? best_distance - 1 : limit);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    if (best || wanted.size() < 3) return best;
    std::size_t best_prefix = (2 * wanted.size() + 2) / 3;
    for (const auto& c : candidates) {
        std::size_t common = 0;
        while (common < c.size() && common < wanted.size() && c[common] == wanted[common]) ++common;
        if (common >= best_prefix && (!best || common > best_prefix)) {
            best_prefix = common;
            best = c;
        }
    }
    return best;
}
}  // namespace

TEST_SUITE("io.case_json") {
    TEST_CASE("indexed suggestions are those of comparing with every id") {
        std::uint64_t state = 0x2545F4914F6CDD1Dull;
        const auto next = [&state](std::size_t bound) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return static_cast<std::size_t>(state % bound);
        };
        // Ids over a small alphabet with shared prefixes, so that ties, prefixes and pruning
        // all happen; half the lists sorted (as the validator gives them), half not.
        const auto random_id = [&] {
            static const std::string stems[] = {"", "trump-2025-", "india-government", "ab", "statement-"};
            std::string id = stems[next(5)];
            const std::size_t extra = next(8);
            for (std::size_t i = 0; i < extra; ++i) id += "abc-01"[next(6)];
            return id;
        };
        std::size_t suggested = 0;
        for (int round = 0; round < 300; ++round) {
            std::vector<std::string> candidates(next(40));
            for (auto& c : candidates) c = random_id();
            if (round % 2 == 0) std::sort(candidates.begin(), candidates.end());
            const narrative::detail::closest_id_index index(candidates);
            for (int q = 0; q < 20; ++q) {
                std::string wanted = candidates.empty() || next(3) == 0 ? random_id() : candidates[next(candidates.size())];
                // Damage it: a deletion, an insertion, a substitution or a cut.
                if (!wanted.empty()) {
                    const std::size_t at = next(wanted.size());
                    switch (next(4)) {
                        case 0: wanted.erase(at, 1); break;
                        case 1: wanted.insert(at, 1, "abc-01x"[next(7)]); break;
                        case 2: wanted[at] = "abc-01x"[next(7)]; break;
                        case 3: wanted.resize(at); break;
                    }
                }
                CAPTURE(wanted);
                const auto expected = closest_by_scanning(wanted, candidates);
                CHECK(index.closest(wanted) == expected);
                CHECK(narrative::detail::closest_id(wanted, candidates) == expected);
                suggested += expected ? 1 : 0;
            }
        }
        CHECK(suggested > 1000);  // most questions have an answer, so answers are compared
    }

    TEST_CASE("suggestions stop after max_suggestions unknown ids") {
        const std::string doc = R"({"format": "narrative/1", "statements": [{"id": "alpha"}],
          "relations": [{"from": "alpha", "to": "alpah", "type": "supports"},
                        {"from": "alpah", "to": "alpha", "type": "supports"},
                        {"from": "alpha", "to": "alhpa", "type": "supports"}]})";
        const auto all = check_case(doc, "t.json");
        REQUIRE(all.diagnostics.size() == 3);
        for (const auto& d : all.diagnostics) CHECK(d.message.find("did you mean \"alpha\"?") != std::string::npos);
        const auto capped = check_case(doc, "t.json", {.max_suggestions = 2});
        REQUIRE(capped.diagnostics.size() == 3);
        CHECK(capped.diagnostics[1].message.find("did you mean") != std::string::npos);
        CHECK(capped.diagnostics[2].message == "unknown statement \"alhpa\"");
    }

    TEST_CASE("a large file is checked in linear time with every diagnostic") {
        // 20000 statements and as many relations to missing ids, then 40000 statements sharing
        // one id: both took many minutes when parsing and suggestions were quadratic (the CLI
        // tests run 100000 and 200000 under a time limit).
        std::string doc = R"({"format": "narrative/1", "statements": [)";
        constexpr int n = 20000;
        for (int i = 0; i < n; ++i) doc += (i ? "," : "") + std::string(R"({"id": "statement-)") + std::to_string(i) + "\"}";
        doc += R"(], "relations": [)";
        for (int i = 0; i < n; ++i)
            doc += (i ? "," : "") + std::string(R"({"from": "statement-)") + std::to_string(i) +
                   R"(", "to": "missing-)" + std::to_string(i) + R"(", "type": "supports"})";
        doc += "]}";
        const auto dangling = check_case(doc, "big.json");
        REQUIRE(dangling.diagnostics.size() == static_cast<std::size_t>(n));
        CHECK(dangling.diagnostics[0].to_string() == "big.json:/relations/0/to: error: unknown statement \"missing-0\"");
        CHECK(dangling.diagnostics[n - 1].location == "/relations/19999/to");

        std::string same = R"({"format": "narrative/1", "statements": [)";
        for (int i = 0; i < 2 * n; ++i) same += i ? R"(,{"id": "same"})" : R"({"id": "same"})";
        same += "]}";
        const auto duplicates = check_case(same, "same.json");
        REQUIRE(duplicates.diagnostics.size() == static_cast<std::size_t>(2 * n - 1));
        CHECK(duplicates.diagnostics.back().to_string() ==
              "same.json:/statements/39999/id: error: duplicate statement id \"same\" (first at /statements/0/id)");
        // The exception's message names the first 100 errors and counts the rest.
        try {
            (void)read_case(same, "same.json");
            FAIL("no exception");
        } catch (const parse_error& e) {
            CHECK(e.diagnostics().size() == static_cast<std::size_t>(2 * n - 1));
            const std::string what = e.what();
            CHECK(std::count(what.begin(), what.end(), '\n') == 100);
            CHECK(what.ends_with("\nand 39899 more errors"));
        }
    }
}

