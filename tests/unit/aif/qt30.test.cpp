// SPDX-License-Identifier: MIT
// The QT30 corpus (1,478 AIF nodesets, outside the repository): every nodeset imports without
// error, and the totals agree with counts taken straight from the raw JSON.

#include <narrative/io/aif.hpp>
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace narrative;

namespace {

struct totals {
    std::size_t files = 0, statements = 0, timed = 0, supports = 0, contradicts = 0;
    std::set<std::string> actors{};
};

// The speaker written before the utterance: "Name : text", or "Name: text" for a short name.
std::string written_speaker(const std::string& text) {
    if (const auto at = text.find(" : "); at != std::string::npos) return text.substr(0, at);
    if (const auto at = text.find(": "); at != std::string::npos) {
        const std::string name = text.substr(0, at);
        if (std::count(name.begin(), name.end(), ' ') <= 4) return name;
    }
    return {};
}

// Counted from the JSON without the importer: I-nodes; RA and MA (support) and CA (conflict)
// as I-node premises times I-node conclusions; speakers of the L-nodes anchoring an I-node
// through a YA (by prefix, else by the personID of another L-node of the file).
void count_raw(const std::string& text, totals& t) {
    const auto doc = nlohmann::json::parse(text);
    std::unordered_map<std::string, std::string> type, said, person;
    std::unordered_map<std::string, std::vector<std::string>> in, out;
    for (const auto& n : doc["nodes"]) {
        type[n["nodeID"].get<std::string>()] = n["type"].get<std::string>();
        if (n["type"] == "L" && n["text"].is_string()) said[n["nodeID"].get<std::string>()] = n["text"].get<std::string>();
    }
    for (const auto& e : doc["edges"]) {
        out[e["fromID"].get<std::string>()].push_back(e["toID"].get<std::string>());
        in[e["toID"].get<std::string>()].push_back(e["fromID"].get<std::string>());
    }
    std::unordered_map<std::string, bool> dated;
    std::unordered_map<std::string, std::string> name_of_person;
    for (const auto& l : doc["locutions"]) {
        const std::string node = l["nodeID"].get<std::string>();
        if (type[node] != "L") continue;
        // Repeated locutions of a node: any start dates it; the first personID counts.
        dated[node] = dated[node] || (l.contains("start") && l["start"].is_string() && !l["start"].get<std::string>().empty());
        if (!person.contains(node) && l.contains("personID") && l["personID"].is_string()) {
            person[node] = l["personID"].get<std::string>();
            const std::string name = written_speaker(said[node]);
            if (!name.empty()) name_of_person.emplace(person[node], name);
        }
    }
    ++t.files;
    for (const auto& [id, kind] : type) {
        const auto count_type = [&](const std::vector<std::string>& ids) {
            return static_cast<std::size_t>(std::count_if(ids.begin(), ids.end(), [&](const std::string& x) { return type[x] == "I"; }));
        };
        if (kind == "RA" || kind == "MA") t.supports += count_type(in[id]) * count_type(out[id]);
        if (kind == "CA") t.contradicts += count_type(in[id]) * count_type(out[id]);
        if (kind != "I") continue;
        ++t.statements;
        bool has_time = false;
        for (const auto& ya : in[id]) {
            if (type[ya] != "YA") continue;
            for (const auto& l : in[ya]) {
                if (type[l] != "L") continue;
                has_time = has_time || dated[l];
                std::string name = written_speaker(said[l]);
                if (name.empty() && person.contains(l) && name_of_person.contains(person[l])) name = name_of_person[person[l]];
                const auto first = name.find_first_not_of(" \t");
                if (first != std::string::npos) t.actors.insert(name.substr(first, name.find_last_not_of(" \t") - first + 1));
            }
        }
        t.timed += has_time ? 1 : 0;
    }
}

}  // namespace

TEST_SUITE("aif.qt30") {
    TEST_CASE("every QT30 nodeset imports, and the totals match the raw JSON") {
        if (!NARRATIVE_HAVE_SHARED_DATA) return;
        const std::filesystem::path folder = std::string(NARRATIVE_SHARED_DATA_DIR) + "/qt30";
        if (!std::filesystem::is_directory(folder)) return;
        totals imported, raw;
        std::size_t errors = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".json") continue;
            const std::string text = read_text_file(entry.path());
            count_raw(text, raw);
            const auto result = check_aif(text, entry.path().filename().string());
            errors += result.error_count();
            REQUIRE_MESSAGE(result.ok(), entry.path().string());
            const case_model& c = *result.model;
            ++imported.files;
            imported.statements += c.statement_count();
            for (std::size_t v = 0; v < c.statement_count(); ++v) imported.timed += c.statement_at(v).time ? 1 : 0;
            for (std::size_t r = 0; r < c.relation_count(); ++r)
                ++(c.relation_at(r).type == relation_type::supports ? imported.supports : imported.contradicts);
            for (const auto& a : c.actors()) imported.actors.insert(a.id);
        }
        CHECK(errors == 0);
        CHECK(imported.files == 1478);
        CHECK(imported.files == raw.files);
        CHECK(imported.statements == raw.statements);
        CHECK(imported.timed == raw.timed);
        CHECK(imported.supports == raw.supports);
        CHECK(imported.contradicts == raw.contradicts);
        CHECK(imported.actors == raw.actors);
        // The corpus README: 23,465 I-nodes.
        CHECK(imported.statements == 23465);
    }
}
