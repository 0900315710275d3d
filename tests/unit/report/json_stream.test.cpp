// SPDX-License-Identifier: MIT
// json_stream: a document written member by member must have the bytes nlohmann's dump(2) gives
// for the same document built whole (the outputs of score and contradictions depend on it).

#include <doctest/doctest.h>

#include <narrative/report/json_stream.hpp>

#include <string>

using narrative::report::json_stream;
using json = nlohmann::ordered_json;

TEST_SUITE("report.json_stream") {
    TEST_CASE("members and streamed arrays give the bytes of dump(2)") {
        // Nested objects and arrays inside the elements, an empty array and an empty object as
        // values, escapes in keys and strings (a line feed, a quote, non-ASCII text), numbers.
        const json rows = json::array({json{{"id", "s1"}, {"tags", json::array({1, 2.5, nullptr})}},
                                       json{{"id", "line\nfeed \"quoted\""}, {"nested", {{"deep", json::array()}}}},
                                       json::object(), json::array({json::array({"a"})}), "Δ text", 7});
        json whole = {{"format", "test/1"}};
        whole["rows"] = rows;
        whole["none"] = json::array();
        whole["empty"] = json::object();
        whole["key \"q\"\t"] = -0.125;
        whole["last"] = json::array({true, false});

        std::string text;
        json_stream doc(text);
        doc.member("format", "test/1");
        doc.array_member("rows", [&](auto&& push) {
            for (const auto& row : rows) push(row);
        });
        doc.array_member("none", [](auto&&) {});
        doc.member("empty", json::object());
        doc.member("key \"q\"\t", -0.125);
        doc.member("last", json::array({true, false}));
        doc.finish();
        CHECK(text == whole.dump(2));
    }

    TEST_CASE("an object with no member is {} as dump(2) writes it") {
        std::string text;
        json_stream doc(text);
        doc.finish();
        CHECK(text == json::object().dump(2));
        CHECK(text == "{}");
    }

    TEST_CASE("text already in the string is kept before the document") {
        std::string text = "prefix ";
        json_stream doc(text);
        doc.member("a", 1);
        doc.finish();
        CHECK(text == "prefix {\n  \"a\": 1\n}");
    }
}
