// SPDX-License-Identifier: MIT
// The fast path of the case reader against the located pass: wherever the fast path finishes,
// the model and the warnings must be those of the located pass; wherever the file has an
// error, the fast path must give up (so that the located pass reports it).
#include <narrative/io/case_json.hpp>

#include "damage.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

using namespace narrative;

namespace {

const std::filesystem::path source_dir = NARRATIVE_SOURCE_DIR;

std::string lines(const std::vector<diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds)
        out += std::string(d.severity == severity::error ? "error " : "warning ") + d.source + ":" + d.location +
               ": " + d.message + "\n";
    return out;
}

// The fast path's answer, or nullopt when it gives up.
std::optional<check_result> fast(std::string_view text) {
    auto r = detail::fast_case_reader("t.json", read_options{}.max_string_bytes, read_options{}.max_depth)
                 .run(text.data(), text.size(), text.size());
    if (!r) return std::nullopt;
    check_result out;
    out.model = std::move(r->first);
    out.diagnostics = std::move(r->second);
    return out;
}

// Compares the fast path with the located pass on `text`; returns whether the fast path
// finished.
bool same_as_located(std::string_view text) {
    const auto located = detail::check_case_located(text, "t.json");
    const auto quick = fast(text);
    if (!quick) return false;
    REQUIRE_MESSAGE(located.ok(), "the fast path accepted a file with errors:\n" << lines(located.diagnostics));
    CHECK(lines(quick->diagnostics) == lines(located.diagnostics));
    CHECK(write_case(*quick->model) == write_case(*located.model));
    CHECK(quick->model->relation_count() == located.model->relation_count());
    return true;
}

std::vector<std::filesystem::path> json_files_under(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_SUITE("io.case_json_fast") {
    TEST_CASE("every invalid file of the corpus makes the fast path give up") {
        std::size_t files = 0;
        for (const auto& path : json_files_under(source_dir / "tests/invalid")) {
            CAPTURE(path.string());
            const std::string text = read_text_file(path);
            if (!detail::check_case_located(text, "t.json").ok()) {
                ++files;
                CHECK_FALSE(fast(text).has_value());
            }
        }
        CHECK(files >= 35);
    }

    TEST_CASE("every case file of the examples and tests reads the same on both paths") {
        std::size_t cases = 0, taken = 0;
        for (const auto& dir : {source_dir / "examples", source_dir / "tests/data"}) {
            for (const auto& path : json_files_under(dir)) {
                const std::string text = read_text_file(path);
                if (text.find("\"narrative/1\"") == std::string::npos) continue;  // truth files and the like
                CAPTURE(path.string());
                ++cases;
                const auto located = detail::check_case_located(text, "t.json");
                if (located.ok()) {
                    // A valid file is read by the fast path, identically.
                    CHECK(same_as_located(text));
                    ++taken;
                } else {
                    CHECK_FALSE(fast(text).has_value());
                }
            }
        }
        CHECK(cases >= 10);
        CHECK(taken >= 8);
    }

    TEST_CASE("damaged files: the fast path never accepts an error and agrees where it finishes") {
        const std::string original = read_text_file(source_dir / "examples/ceasefire/ceasefire.json");
        narrative::test::xorshift rng(0x2545F4914F6CDD1Dull);
        std::size_t finished = 0;
        for (int round = 0; round < 1500; ++round)
            if (same_as_located(narrative::test::damaged_copy(original, round, 5, rng))) ++finished;
        CHECK(finished > 100);  // a flipped byte inside a text often leaves the file valid
    }

    TEST_CASE("edge cases read the same on both paths") {
        const auto wrap = [](const std::string& statements, const std::string& rest = "") {
            return R"({"format": "narrative/1", "actors": [{"id": "a"}], "propositions": [{"id": "topic", "values": ["x", "y"]}], "statements": [)" +
                   statements + "]" + rest + "}";
        };
        SUBCASE("numbers: -0 is +0 as nlohmann reads it, -0.0 keeps its sign, x- numbers keep their kind") {
            CHECK(same_as_located(wrap(R"({"id": "s", "base": -0, "x-n": [1, 1.0, 1e2, -0, -0.0, 18446744073709551615, 18446744073709551616, 0.1]})")));
            CHECK(same_as_located(wrap(R"({"id": "s", "base": -0.0})")));
            CHECK(same_as_located(wrap(R"({"id": "s", "base": 1E0})")));
        }
        SUBCASE("strings: escapes and control characters") {
            CHECK(same_as_located(wrap(R"({"id": "s\u00e9", "text": "line\nnext \"q\" \\ \u0041 \ud83d\ude00 tab\t"})")));
            CHECK_FALSE(fast(wrap("{\"id\": \"s\", \"text\": \"raw\ttab\"}")).has_value());
            CHECK_FALSE(detail::check_case_located(wrap("{\"id\": \"s\", \"text\": \"raw\ttab\"}"), "t.json").ok());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "text": "\ud800 lone"})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "text": "bad \x escape"})")).has_value());
        }
        SUBCASE("relations before statements, self relations and repeats") {
            const std::string text = R"({"format": "narrative/1",
              "relations": [{"from": "b", "to": "a", "type": "contradicts"},
                            {"from": "a", "to": "b", "type": "contradicts", "directed": true},
                            {"from": "b", "to": "a", "type": "contradicts", "directed": true},
                            {"from": "a", "to": "b", "type": "contradicts"},
                            {"from": "a", "to": "a", "type": "supports"},
                            {"from": "a", "to": "a", "type": "supports", "note": "again", "x-r": {"k": [true, null]}},
                            {"from": "a", "to": "b", "type": "supports"}],
              "statements": [{"id": "b"}, {"id": "a"}]})";
            CHECK(same_as_located(text));
            const auto r = detail::check_case_located(text, "t.json");
            // Hand-derived: a mutual contradiction b–a is keyed (a, b), so the directed a→b
            // repeats it and the directed b→a does not; the second mutual one repeats the first;
            // both a→a are self relations, the second also a repeat.
            CHECK(lines(r.diagnostics) ==
                  "warning t.json:/relations/1: duplicate relation: same contradicts relation as /relations/0\n"
                  "warning t.json:/relations/3: duplicate relation: same contradicts relation as /relations/0\n"
                  "warning t.json:/relations/4: statement \"a\" is related to itself\n"
                  "warning t.json:/relations/5: statement \"a\" is related to itself\n"
                  "warning t.json:/relations/5: duplicate relation: same supports relation as /relations/4\n");
        }
        SUBCASE("an undeclared proposition one edit from a declared one is a warning") {
            CHECK(same_as_located(wrap(R"({"id": "s1", "claim": {"proposition": "topik"}}, {"id": "s2", "claim": {"proposition": "topik"}}, {"id": "s3", "claim": {"proposition": "elsewhere"}})")));
            const auto r = detail::check_case_located(wrap(R"({"id": "s1", "claim": {"proposition": "topik"}})"), "t.json");
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].location == "/statements/0/claim/proposition");
        }
        SUBCASE("what the located pass reports, the fast path leaves to it") {
            CHECK_FALSE(fast(wrap(R"({"id": "s", "actor": "nobody"})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "claim": {"proposition": "topic", "value": "z"}})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "claim": {"proposition": "topic"}})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "id": "t"})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "x-a": 1, "x-a": 2})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "x-a": {"k": 1, "k": 2}})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s"}, {"id": "s"})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "base": 1e400})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "x-big": 1e400})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s"})") + " trailing").has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s", "time": "2025-13"})")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s"})", R"(, "relations": [{"from": "s", "to": "t", "type": "supports"}])")).has_value());
            CHECK_FALSE(fast(wrap(R"({"id": "s"})", R"(, "relations": [{"from": "s", "to": "s"}])")).has_value());
            CHECK_FALSE(fast(R"({"statements": []})").has_value());
            CHECK_FALSE(fast(R"({"format": "narrative/1"})").has_value());
        }
    }
}

TEST_SUITE("io.case_json_fast") {
    TEST_CASE("check_case_releasing: the text goes once read, the answer is check_case's") {
        SUBCASE("a valid case: the same model and warnings, and the text released") {
            std::string text = read_text_file(source_dir / "tests/data/report/hostile.json");
            const auto expected = check_case(text, "t.json");
            REQUIRE(expected.ok());
            const auto result = detail::check_case_releasing(text, text.capacity(), "t.json");
            REQUIRE(result.model.has_value());
            CHECK(lines(result.diagnostics) == lines(expected.diagnostics));
            CHECK(write_case(*result.model) == write_case(*expected.model));
            CHECK(text.empty());
            CHECK(text.capacity() < 64);  // its memory returned, not only cleared
        }
        SUBCASE("an invalid case: the located diagnostics, and the text left for other readers") {
            const std::string original =
                R"({"format": "narrative/1", "statements": [{"id": "a"}], "relations": [{"from": "a", "to": "b", "type": "supports"}]})";
            std::string text = original;
            const auto expected = check_case(text, "t.json");
            REQUIRE_FALSE(expected.ok());
            const auto result = detail::check_case_releasing(text, text.capacity(), "t.json");
            CHECK_FALSE(result.model.has_value());
            CHECK(lines(result.diagnostics) == lines(expected.diagnostics));
            CHECK(lines(result.diagnostics).find("unknown statement") != std::string::npos);
            CHECK(text == original);
        }
    }
}
