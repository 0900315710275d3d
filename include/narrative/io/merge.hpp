// SPDX-License-Identifier: MIT
#pragma once
// Merging several cases into one: actors matched by id or name, the same statements and
// relations kept once, colliding statement ids renamed `id~2`, `id~3`, … and every item marked
// with the input it came from.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace narrative {

/// One case to merge and the name it is known by (a file name), recorded as provenance.
struct merge_input {
    std::string source{};
    case_model model{};
};

/// The merged case, or errors; warnings name each renamed id and each conflicting definition.
using merge_result = check_result;

/// The extension key that records where an actor, statement or relation came from.
inline constexpr std::string_view merge_source_key = "x-source-file";

/// Merges the cases in order:
/// - actors: one with the same id, else the same display name, is the same actor (the first
///   definition is kept); others are added;
/// - propositions: the same id is the same proposition (the first definition is kept; a
///   different one is a warning);
/// - statements: the same id with compatible content (no field that both have differs: text,
///   actor, time, …) is the same statement, completed with the fields it lacked (nodesets of
///   one debate share I-nodes, not always with their utterance); the same id with other
///   content is renamed `id~2` (or `~3`, … the first suffix free), with a warning at the input's
///   `/statements/N/id`;
/// - relations: re-pointed at the renamed ids; one identical to a relation already merged is
///   kept once;
/// - provenance: each actor, statement and relation gets `"x-source-file": SOURCE` (the first
///   input it came from) unless it has one already;
/// - title, description and case-level extensions come from the first input having them.
[[nodiscard]] merge_result merge_cases(const std::vector<merge_input>& inputs);

// =====================================================================================

inline merge_result merge_cases(const std::vector<merge_input>& inputs) {
    using ojson = nlohmann::ordered_json;
    merge_result result;
    const std::string key(merge_source_key);
    ojson merged = {{"format", std::string(case_format_v1)}};
    ojson actors = ojson::array(), propositions = ojson::array(), statements = ojson::array(),
          relations = ojson::array();
    std::unordered_map<std::string, std::string> actor_by_id, actor_by_name;  // → merged actor id
    std::unordered_map<std::string, std::size_t> proposition_at, statement_at;
    std::unordered_set<std::string> relation_seen;
    // The content of an item without its provenance, for "is it the same".
    const auto content = [&](ojson v) {
        v.erase(key);
        return v.dump();
    };
    // No field both have differs (a nodeset may hold a statement without its utterance).
    const auto compatible = [&](const ojson& a, const ojson& b) {
        for (const auto& [k, v] : b.items())
            if (k != key && a.contains(k) && a[k] != v) return false;
        return true;
    };
    const auto with_source = [&](ojson v, const std::string& source) {
        if (!v.contains(key)) v[key] = source;
        return v;
    };
    const auto warn = [&](const std::string& source, std::string at, std::string message) {
        result.diagnostics.push_back({.severity = severity::warning, .source = source, .location = std::move(at),
                                      .message = std::move(message)});
    };

    for (const auto& input : inputs) {
        const ojson doc = to_json(input.model);
        for (const char* field : {"title", "description"})
            if (doc.contains(field) && !merged.contains(field)) merged[field] = doc[field];
        for (const auto& [k, v] : doc.items())
            if (is_extension_key(k) && !merged.contains(k)) merged[k] = v;

        std::unordered_map<std::string, std::string> actor_map;
        for (const auto& a : doc["actors"]) {
            const std::string id = a["id"].get<std::string>();
            const std::string name = a.contains("name") ? a["name"].get<std::string>() : id;
            if (const auto it = actor_by_id.find(id); it != actor_by_id.end()) {
                actor_map[id] = it->second;
            } else if (const auto byname = actor_by_name.find(name); byname != actor_by_name.end()) {
                actor_map[id] = byname->second;
            } else {
                actor_map[id] = id;
                actor_by_id.emplace(id, id);
                actor_by_name.emplace(name, id);
                actors.push_back(with_source(a, input.source));
            }
        }
        for (std::size_t i = 0; i < doc["propositions"].size(); ++i) {
            const ojson& p = doc["propositions"][i];
            const std::string id = p["id"].get<std::string>();
            if (const auto it = proposition_at.find(id); it == proposition_at.end()) {
                proposition_at.emplace(id, propositions.size());
                propositions.push_back(with_source(p, input.source));
            } else if (content(propositions[it->second]) != content(p)) {
                warn(input.source, detail::pointer_append("/propositions", i),
                     "proposition \"" + detail::printable(id) + "\" differs from the one merged first; the first is kept");
            }
        }
        std::unordered_map<std::string, std::string> statement_map;
        for (std::size_t i = 0; i < doc["statements"].size(); ++i) {
            ojson s = doc["statements"][i];
            const std::string id = s["id"].get<std::string>();
            if (s.contains("actor")) s["actor"] = actor_map.at(s["actor"].get<std::string>());
            const auto it = statement_at.find(id);
            if (it != statement_at.end() && compatible(statements[it->second], s)) {
                // The same statement again, maybe seen more fully: fields it lacked are added.
                for (const auto& [k, v] : s.items())
                    if (!statements[it->second].contains(k)) statements[it->second][k] = v;
                statement_map[id] = id;
                continue;
            }
            std::string new_id = id;
            if (it != statement_at.end()) {
                for (std::size_t n = 2; statement_at.contains(new_id); ++n) new_id = id + "~" + std::to_string(n);
                warn(input.source, detail::pointer_append(detail::pointer_append("/statements", i), "id"),
                     "statement id \"" + detail::printable(id) + "\" is already taken; renamed \"" +
                         detail::printable(new_id) + "\"");
                s["id"] = new_id;
            }
            statement_map[id] = new_id;
            statement_at.emplace(new_id, statements.size());
            statements.push_back(with_source(std::move(s), input.source));
        }
        for (const auto& r : doc["relations"]) {
            ojson rel = r;
            rel["from"] = statement_map.at(r["from"].get<std::string>());
            rel["to"] = statement_map.at(r["to"].get<std::string>());
            if (!relation_seen.insert(content(rel)).second) continue;
            relations.push_back(with_source(std::move(rel), input.source));
        }
    }
    merged["actors"] = std::move(actors);
    merged["propositions"] = std::move(propositions);
    merged["statements"] = std::move(statements);
    merged["relations"] = std::move(relations);
    result.model = detail::case_validator("<merged>", result.diagnostics).run(merged);
    return result;
}

}  // namespace narrative
